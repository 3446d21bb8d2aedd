namespace RnnNotebooks.Data;

/// <summary>
/// Batches for a next-token model: m windows of T tokens drawn at random positions of a long sequence, with
/// x&lt;t&gt; the token at position s + t - 1 and y&lt;t&gt; the one after it (the same text shifted by one).
/// </summary>
public sealed class TextWindows
{
    private readonly int[] ids;
    private readonly Random random;

    /// <summary>Windows over <paramref name="ids"/>.</summary>
    /// <param name="ids">The token ids of the whole text, each in [0, n_x).</param>
    /// <param name="vocabularySize">n_x = n_y.</param>
    /// <param name="length">T, the steps of each window (Tx = Ty).</param>
    /// <param name="batchSize">m, the windows per batch.</param>
    /// <param name="seed">The seed: the same seed gives the same windows.</param>
    public TextWindows(IReadOnlyList<int> ids, int vocabularySize, int length, int batchSize, int seed)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(vocabularySize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        if (ids.Count < length + 1)
        {
            throw new ArgumentException($"ids has {ids.Count} tokens; a window of T = {length} steps needs at least T + 1 = {length + 1}.", nameof(ids));
        }
        for (int i = 0; i < ids.Count; i++)
        {
            if ((uint)ids[i] >= (uint)vocabularySize)
            {
                throw new ArgumentOutOfRangeException(nameof(ids), ids[i], $"ids[{i}] is {ids[i]}; expected an index in [0, n_x) = [0, {vocabularySize}).");
            }
        }
        this.ids = ids.ToArray();
        VocabularySize = vocabularySize;
        Length = length;
        BatchSize = batchSize;
        random = Seeds.Random(seed);
    }

    /// <summary>n_x = n_y.</summary>
    public int VocabularySize { get; }

    /// <summary>T, the steps of each window.</summary>
    public int Length { get; }

    /// <summary>m, the windows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>The next batch: inputs x (Tx = T, m one-hot sequences) and targets y = x shifted by one token.</summary>
    public (SequenceBatch X, SequenceTargets Y) Next()
    {
        var x = new int[Length][];
        var y = new int[Length][];
        for (int t = 0; t < Length; t++)
        {
            x[t] = new int[BatchSize];
            y[t] = new int[BatchSize];
        }
        for (int j = 0; j < BatchSize; j++)
        {
            int start = random.Next(ids.Length - Length);
            for (int t = 0; t < Length; t++)
            {
                x[t][j] = ids[start + t];     // x<t+1>
                y[t][j] = ids[start + t + 1]; // y<t+1> = x<t+2>: the next token
            }
        }
        return (SequenceBatch.OneHot(VocabularySize, x), SequenceTargets.ClassIndices(y));
    }
}
