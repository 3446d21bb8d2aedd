using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// A random many-to-many problem with padding, all drawn from one seed: sample j has lengths[j] real steps of Tx,
/// padded at the end with token (or vector) values that the mask hides from the loss.
/// </summary>
public sealed record TaggingProblem(Activation G1, Activation G2, int NX, int NA, int NY, int T, int M, bool OneHot, int Seed, RecurrentCell Cell = RecurrentCell.Rnn)
{
    /// <summary>Real lengths in 1 .. T, the first sample always full length so that Tx = T.</summary>
    public int[] Lengths { get; } = Enumerable.Range(0, M).Select(j => j == 0 ? T : 1 + new Random(Seed + 10 + j).Next(T)).ToArray();

    public BidirectionalRnn Model => Build();

    /// <summary>Token ids in [0, NX) with token 0 kept for the padding, or dense vectors.</summary>
    public SequenceBatch X => OneHot
        ? SequenceBatch.OneHot(NX, Tokens)
        : SequenceBatch.Dense(Enumerable.Range(0, T).Select(t => RandomProblem.RandomMatrix(rows: NX, cols: M, random: new Random(Seed + 100 + t), scale: 1.0)).ToArray());

    public int[][] Tokens
    {
        get
        {
            var random = new Random(Seed + 2);
            return Enumerable.Range(1, T).Select(t => Enumerable.Range(0, M)
                .Select(j => t <= Lengths[j] ? 1 + random.Next(NX - 1) : 0).ToArray()).ToArray();
        }
    }

    /// <summary>Targets with weight 0 on the padding.</summary>
    public SequenceTargets Y
    {
        get
        {
            var random = new Random(Seed + 4);
            var mask = SequenceTargets.Mask(Lengths, T);
            if (G2 == Activation.Softmax)
            {
                return SequenceTargets.ClassIndices(Enumerable.Range(0, T).Select(_ => Enumerable.Range(0, M).Select(_ => random.Next(NY)).ToArray()).ToArray(), mask);
            }
            var y = Enumerable.Range(0, T).Select(_ => RandomProblem.RandomMatrix(rows: NY, cols: M, random: random, scale: 1.0)).ToArray();
            if (G2 == Activation.Sigmoid)
            {
                foreach (var step in y)
                {
                    for (int i = 0; i < step.Data.Length; i++)
                    {
                        step.Data[i] = step.Data[i] > 0 ? 1 : 0;
                    }
                }
            }
            return SequenceTargets.Dense(y, mask);
        }
    }

    public override string ToString() =>
        $"cell={Cell} g1={G1} g2={G2} nX={NX} nA={NA} nY={NY} T={T} m={M} oneHot={OneHot} lengths=[{string.Join(",", Lengths)}] seed={Seed}";

    private BidirectionalRnn Build()
    {
        if (Cell != RecurrentCell.Rnn)
        {
            var gated = BidirectionalRnn.Create(NX, NA, NY, Seed, Cell, G2); // gated biases start random already
            Initializers.Gaussian(gated.Parameters.By, new Random(Seed + 1), 0.3);
            return gated;
        }
        var model = BidirectionalRnn.Create(NX, NA, NY, Seed, G1, G2, WeightInit.Xavier);
        var random = new Random(Seed + 1);
        Initializers.Gaussian(model.Parameters.ForwardDirection.Ba, random, 0.3);
        Initializers.Gaussian(model.Parameters.BackwardDirection.Ba, random, 0.3);
        Initializers.Gaussian(model.Parameters.By, random, 0.3);
        return model;
    }
}
