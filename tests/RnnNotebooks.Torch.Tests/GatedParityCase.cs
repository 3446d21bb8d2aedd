namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// One GRU or LSTM parity case: shapes, head, inputs, targets, weights w&lt;t&gt;_j, a0 and c0 all drawn from a seed
/// (Tx up to <see cref="MaxTx"/>, n_a up to <see cref="MaxNA"/>), or given outright.
/// </summary>
public sealed record GatedParityCase(bool Lstm, int Seed, int Tx, int nX, int nA, int nY, int m, Activation G2, bool OneHot,
    Weights Weights, bool RandomA0, bool RandomC0)
{
    public const int MaxTx = 100;
    public const int MaxNA = 96;

    /// <summary>A case whose every choice is drawn from <paramref name="seed"/>.</summary>
    public static GatedParityCase Draw(bool lstm, int seed)
    {
        var r = new Random(seed);
        return new GatedParityCase(lstm, seed, Tx: r.Next(1, MaxTx + 1), nX: r.Next(1, 30), nA: r.Next(1, MaxNA + 1), nY: r.Next(1, 20),
            m: r.Next(1, 9), G2: new[] { Activation.Softmax, Activation.Sigmoid, Activation.Identity }[r.Next(3)], OneHot: r.Next(2) == 0,
            Weights: (Weights)r.Next(4), RandomA0: r.Next(2) == 0, RandomC0: lstm && r.Next(2) == 0);
    }

    /// <summary>The model (PyTorch-style initialisation with weights scaled by 1.5, so gates saturate somewhat), x, y, a0, c0.</summary>
    public (RecurrentLayer Model, SequenceBatch X, SequenceTargets Y, Matrix? A0, Matrix? C0) Build()
    {
        var random = new Random(Seed * 7 + 1);
        var p = RecurrentParameters.Initialize(Lstm ? RecurrentCell.Lstm : RecurrentCell.Gru, nX, nA, nY, Seed);
        foreach (var values in new[] { p.Wax.Data, p.Waa.Data })
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] *= 1.5;
            }
        }
        Initializers.Gaussian(p.By, random, 0.5);
        RecurrentLayer model = Lstm ? new Lstm(p, G2) : new Gru(p, G2);
        var rnnCase = new ParityCase(ToString(), Activation.Tanh, G2, Tx, nX, nA, nY, m, OneHot, Weights, false, Seed);
        var (_, x, y, _) = rnnCase.Build(); // the same inputs and targets as the RNN's parity cases make
        var a0 = RandomA0 ? Gaussian(nA, m, random) : null;
        var c0 = RandomC0 ? Gaussian(nA, m, random) : null;
        return (model, x, y, a0, c0);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{(Lstm ? "lstm" : "gru")}-seed{Seed}-{G2}-{(OneHot ? "onehot" : "dense")}-{Weights}-T{Tx}-nx{nX}-na{nA}-ny{nY}-m{m}{(RandomA0 ? "-a0" : "")}{(RandomC0 ? "-c0" : "")}";

    private static Matrix Gaussian(int rows, int cols, Random random)
    {
        var matrix = new Matrix(rows, cols);
        Initializers.Gaussian(matrix.Data, random, 0.5);
        return matrix;
    }
}
