using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>A random model, inputs and targets of a given configuration, all drawn from one seed.</summary>
public sealed record RandomProblem(Activation G1, Activation G2, int NX, int NA, int NY, int T, int M, bool OneHot, bool Masked, bool RandomA0, int Seed)
{
    public Rnn Model { get; } = Build(g1: G1, g2: G2, nX: NX, nA: NA, nY: NY, seed: Seed);

    public SequenceBatch X => Inputs();

    public SequenceTargets Y => Targets();

    public Matrix? A0 => RandomA0 ? RandomMatrix(rows: NA, cols: M, random: new Random(Seed + 3), scale: 0.5) : null;

    public override string ToString() =>
        $"g1={G1} g2={G2} nX={NX} nA={NA} nY={NY} T={T} m={M} oneHot={OneHot} masked={Masked} a0={(RandomA0 ? "random" : "0")} seed={Seed}";

    private static Rnn Build(Activation g1, Activation g2, int nX, int nA, int nY, int seed)
    {
        var model = Rnn.Create(nX, nA, nY, seed, g1, g2, WeightInit.Xavier);
        var random = new Random(seed + 1);
        Initializers.Gaussian(model.Parameters.Ba, random, 0.3);
        Initializers.Gaussian(model.Parameters.By, random, 0.3);
        return model;
    }

    private SequenceBatch Inputs()
    {
        var random = new Random(Seed + 2);
        if (OneHot)
        {
            var tokens = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, M).Select(_ => random.Next(NX)).ToArray()).ToArray();
            return SequenceBatch.OneHot(NX, tokens);
        }
        return SequenceBatch.Dense(Enumerable.Range(0, T).Select(_ => RandomMatrix(rows: NX, cols: M, random: random, scale: 1.0)).ToArray());
    }

    private SequenceTargets Targets()
    {
        var random = new Random(Seed + 4);
        double[][]? weights = Masked
            ? SequenceTargets.Mask(Enumerable.Range(0, M).Select(_ => 1 + random.Next(T)).ToArray(), T)
            : null;
        if (G2 == Activation.Softmax)
        {
            var classes = Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, M).Select(_ => random.Next(NY)).ToArray()).ToArray();
            return SequenceTargets.ClassIndices(classes, weights);
        }
        var y = Enumerable.Range(0, T).Select(_ =>
        {
            var step = RandomMatrix(rows: NY, cols: M, random: random, scale: 1.0);
            if (G2 == Activation.Sigmoid)
            {
                for (int i = 0; i < step.Data.Length; i++)
                {
                    step.Data[i] = step.Data[i] > 0 ? 1 : 0; // binary labels
                }
            }
            return step;
        }).ToArray();
        return SequenceTargets.Dense(y, weights);
    }

    internal static Matrix RandomMatrix(int rows, int cols, Random random, double scale)
    {
        var m = new Matrix(rows, cols);
        Initializers.Gaussian(m.Data, random, scale);
        return m;
    }
}
