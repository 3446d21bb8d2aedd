using RnnNotebooks;

namespace RnnNotebooks.Benchmarks;

/// <summary>One benchmark size: T steps of m one-hot sequences over a vocabulary of n_x = n_y, n_a hidden units.</summary>
internal sealed record BenchCase(int nA, int m, int T = 100, int Vocabulary = 27, int Seed = 1)
{
    /// <summary>Floating-point operations of one forward + BPTT, counting a multiply-add as 2:
    /// Waa a, Wya a (forward); Waa^T dz, dz a^T, Wya^T dz_y, dz_y a^T (backward). One-hot Wax x is a gather.</summary>
    public double Flops => 2.0 * T * m * (3.0 * nA * nA + 3.0 * Vocabulary * nA);

    public Rnn Model() => Rnn.Create(Vocabulary, nA, Vocabulary, Seed);

    public (SequenceBatch X, SequenceTargets Y) Data(int steps)
    {
        var random = new Random(Seed);
        int[][] tokens = Enumerable.Range(0, steps + 1)
            .Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(Vocabulary)).ToArray()).ToArray();
        return (SequenceBatch.OneHot(Vocabulary, tokens[..^1]), SequenceTargets.ClassIndices(tokens[1..]));
    }
}
