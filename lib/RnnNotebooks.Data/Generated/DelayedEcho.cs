namespace RnnNotebooks.Data;

/// <summary>
/// A memory task with a dependency of known length d: read random symbols, and at every step t &gt; d output
/// the symbol read d steps earlier, y&lt;t&gt; = x&lt;t-d&gt;. The loss ignores t &lt;= d (weight 0), where there is
/// nothing to echo yet. A model can only learn it if gradients flow back at least d steps: with truncated BPTT
/// after k &lt;= d steps they never do.
/// </summary>
public sealed class DelayedEcho
{
    private readonly Random random;

    /// <summary>A task over <paramref name="symbols"/> symbols, sequences of <paramref name="length"/> steps, delay <paramref name="delay"/>.</summary>
    /// <param name="symbols">n_x = n_y, at least 2.</param>
    /// <param name="length">Tx = Ty, more than the delay.</param>
    /// <param name="delay">d, at least 1.</param>
    /// <param name="seed">The seed: the same seed gives the same batches.</param>
    public DelayedEcho(int symbols, int length, int delay, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(symbols, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(delay, 1);
        if (length <= delay)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"length Tx = {length} must be more than the delay d = {delay}, or there is nothing to echo.");
        }
        Symbols = symbols;
        Length = length;
        Delay = delay;
        random = new Random(seed);
    }

    /// <summary>n_x = n_y.</summary>
    public int Symbols { get; }

    /// <summary>Tx = Ty.</summary>
    public int Length { get; }

    /// <summary>d, how far back the answer lies.</summary>
    public int Delay { get; }

    /// <summary>The next batch of m sequences: x one-hot, y&lt;t&gt; = x&lt;t-d&gt; with weight 1 for t &gt; d and 0 before.</summary>
    public (SequenceBatch X, SequenceTargets Y) Next(int batchSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var x = new int[Length][];
        var y = new int[Length][];
        var w = new double[Length][];
        for (int t = 1; t <= Length; t++)
        {
            x[t - 1] = new int[batchSize];
            y[t - 1] = new int[batchSize];
            w[t - 1] = new double[batchSize];
            for (int j = 0; j < batchSize; j++)
            {
                x[t - 1][j] = random.Next(Symbols);
                if (t > Delay)
                {
                    y[t - 1][j] = x[t - 1 - Delay][j]; // y<t> = x<t-d>
                    w[t - 1][j] = 1.0;
                }
            }
        }
        return (SequenceBatch.OneHot(Symbols, x), SequenceTargets.ClassIndices(y, w));
    }
}
