using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>A random GRU or LSTM problem whose shapes, inputs, targets, masks and initial states are all drawn from one seed.</summary>
public sealed record GatedProblem(bool IsLstm, int Seed)
{
    private readonly Random random = new(Seed);

    public RecurrentLayer Model { get; private set; } = null!;

    public SequenceBatch X { get; private set; } = null!;

    public SequenceTargets Y { get; private set; } = null!;

    public Matrix? A0 { get; private set; }

    public Matrix? C0 { get; private set; }

    public string Description { get; private set; } = "";

    /// <summary>Draws n_x in [1, 5], n_a in [1, 6], n_y in [1, 4], Tx in [1, 6], m in [1, 4], a head, one-hot or dense, masks, a0/c0.</summary>
    public static GatedProblem Draw(bool isLstm, int seed)
    {
        var problem = new GatedProblem(isLstm, seed);
        problem.Build();
        return problem;
    }

    /// <summary>The loss at the current parameters, x, a0 and c0.</summary>
    public double Loss() => Model.Loss(Forward(), Y);

    /// <summary>Forward with this problem's a0 and c0.</summary>
    public RecurrentCache Forward() => Model switch
    {
        Lstm lstm => lstm.Forward(X, A0, C0),
        Gru gru => gru.Forward(X, A0),
        _ => throw new InvalidOperationException(),
    };

    public override string ToString() => Description;

    private void Build()
    {
        int nX = random.Next(1, 6), nA = random.Next(1, 7), nY = random.Next(1, 5), tx = random.Next(1, 7), m = random.Next(1, 5);
        var g2 = new[] { Activation.Softmax, Activation.Sigmoid, Activation.Identity }[random.Next(3)];
        bool oneHot = random.Next(2) == 0, masked = random.Next(2) == 0, a0 = random.Next(2) == 0, c0 = IsLstm && random.Next(2) == 0;
        var p = RecurrentParameters.Initialize(IsLstm ? RecurrentCell.Lstm : RecurrentCell.Gru, nX, nA, nY, Seed);
        for (int i = 0; i < p.Wax.Data.Length; i++)
        {
            p.Wax.Data[i] *= 2.0; // larger weights than the default, so the gates saturate somewhat
        }
        Initializers.Gaussian(p.By, random, 0.3);
        Model = IsLstm ? new Lstm(p, g2) : new Gru(p, g2);
        X = oneHot
            ? SequenceBatch.OneHot(nX, Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(nX)).ToArray()).ToArray())
            : SequenceBatch.Dense(Enumerable.Range(0, tx).Select(_ => Gaussian(nX, m, 1.0)).ToArray());
        var weights = masked ? SequenceTargets.Mask(Enumerable.Range(0, m).Select(_ => 1 + random.Next(tx)).ToArray(), tx) : null;
        Y = g2 == Activation.Softmax
            ? SequenceTargets.ClassIndices(Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(nY)).ToArray()).ToArray(), weights)
            : SequenceTargets.Dense(Enumerable.Range(0, tx).Select(_ => g2 == Activation.Sigmoid ? Uniform(nY, m) : Gaussian(nY, m, 1.0)).ToArray(), weights);
        A0 = a0 ? Gaussian(nA, m, 0.5) : null;
        C0 = c0 ? Gaussian(nA, m, 0.5) : null;
        Description = $"{(IsLstm ? "LSTM" : "GRU")} seed={Seed} nX={nX} nA={nA} nY={nY} T={tx} m={m} g2={g2} oneHot={oneHot} masked={masked} a0={a0} c0={c0}";
    }

    private Matrix Gaussian(int rows, int cols, double scale)
    {
        var matrix = new Matrix(rows, cols);
        Initializers.Gaussian(matrix.Data, random, scale);
        return matrix;
    }

    private Matrix Uniform(int rows, int cols) =>
        new(rows, cols, Enumerable.Range(0, rows * cols).Select(_ => random.NextDouble()).ToArray());
}
