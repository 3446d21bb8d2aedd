namespace RnnNotebooks.Torch.Tests;

/// <summary>How the per-step weights w&lt;t&gt;_j of a case are made.</summary>
public enum Weights
{
    /// <summary>No weights: every w&lt;t&gt;_j = 1.</summary>
    None,

    /// <summary>Right-padded sequences: w = 1 up to a random length, then 0 (and an out-of-range class or value there).</summary>
    Mask,

    /// <summary>Many-to-one: w = 1 only at each sequence's last real step.</summary>
    LastStep,

    /// <summary>Arbitrary non-negative weights from {0, 0.5, 1, 2}.</summary>
    Random,
}

/// <summary>One parity case: the model's shape, its activations, the kind of inputs, targets, weights and a&lt;0&gt;.</summary>
public sealed record ParityCase(
    string Name, Activation G1, Activation G2, int Tx, int nX, int nA, int nY, int m,
    bool OneHot, Weights Weights, bool RandomA0, int Seed)
{
    /// <summary>The model, inputs, targets and a&lt;0&gt;, all drawn from <see cref="Seed"/>.</summary>
    public (Rnn Model, SequenceBatch X, SequenceTargets Y, Matrix? A0) Build()
    {
        var random = new Random(Seed);
        var model = Rnn.Create(nX, nA, nY, Seed, G1, G2);
        Fill(model.Parameters.Ba, random, 0.5);
        Fill(model.Parameters.By, random, 0.5);
        var lengths = Enumerable.Range(0, m).Select(_ => random.Next(1, Tx + 1)).ToArray();
        var w = StepWeights(lengths, random);
        var x = OneHot ? OneHotInputs(random) : SequenceBatch.Dense(Steps(nX, random, 1.0));
        var y = G2 == Activation.Softmax ? ClassTargets(random, w) : DenseTargets(random, w);
        var a0 = RandomA0 ? new Matrix(nA, m, Values(nA * m, random, 0.5)) : null;
        return (model, x, y, a0);
    }

    /// <inheritdoc/>
    public override string ToString() => Name;

    private double[][]? StepWeights(int[] lengths, Random random) => Weights switch
    {
        Weights.Mask => SequenceTargets.Mask(lengths, Tx),
        Weights.LastStep => SequenceTargets.LastStepOnly(lengths, Tx),
        Weights.Random => Enumerable.Range(0, Tx).Select(_ => Enumerable.Range(0, m).Select(_ => new[] { 0, 0.5, 1, 2 }[random.Next(4)]).ToArray()).ToArray(),
        _ => null,
    };

    private SequenceBatch OneHotInputs(Random random) =>
        SequenceBatch.OneHot(nX, Enumerable.Range(0, Tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(nX)).ToArray()).ToArray());

    /// <summary>Class targets; where a weight is 0 the class is -1, out of range, as padding often is.</summary>
    private SequenceTargets ClassTargets(Random random, double[][]? w) =>
        SequenceTargets.ClassIndices(
            Enumerable.Range(0, Tx).Select(t => Enumerable.Range(0, m).Select(j => w is not null && w[t][j] == 0 ? -1 : random.Next(nY)).ToArray()).ToArray(),
            w);

    /// <summary>Sigmoid heads get targets in [0, 1], identity heads any real values.</summary>
    private SequenceTargets DenseTargets(Random random, double[][]? w)
    {
        var steps = G2 == Activation.Sigmoid
            ? Enumerable.Range(0, Tx).Select(_ => new Matrix(nY, m, Enumerable.Range(0, nY * m).Select(_ => random.NextDouble()).ToArray())).ToList()
            : Steps(nY, random, 2.0);
        return SequenceTargets.Dense(steps, w);
    }

    private List<Matrix> Steps(int rows, Random random, double scale) =>
        Enumerable.Range(0, Tx).Select(_ => new Matrix(rows, m, Values(rows * m, random, scale))).ToList();

    private static double[] Values(int count, Random random, double scale) =>
        Enumerable.Range(0, count).Select(_ => scale * Initializers.StandardNormal(random)).ToArray();

    private static void Fill(double[] values, Random random, double scale) => Values(values.Length, random, scale).CopyTo(values, 0);
}
