namespace RnnNotebooks.Tasks;

/// <summary>
/// m tokenised sentences as the classifier reads them: word ids padded at the end to the longest, Tx, with
/// <see cref="WordVocabulary.PadId"/>; the real lengths; and, when the labels are known, targets y (1, m) at every step
/// with weight 1 / m at each sentence's last real step and 0 everywhere else (<see cref="SequenceTargets.LastStepOnly"/>):
/// the many-to-one loss, the mean over the batch of the loss at the last word.
/// </summary>
internal sealed class SentimentBatch
{
    private SentimentBatch(SequenceBatch words, int[] lengths, SequenceTargets? targets)
    {
        Words = words;
        Lengths = lengths;
        Targets = targets;
    }

    /// <summary>Word ids, Tx steps of m.</summary>
    public SequenceBatch Words { get; }

    /// <summary>The real length of each sentence, T_x^(j).</summary>
    public int[] Lengths { get; }

    /// <summary>The labels with last-step weights; null when built without labels.</summary>
    public SequenceTargets? Targets { get; }

    /// <summary>The batch of <paramref name="sentences"/>, with targets when <paramref name="labels"/> is given.</summary>
    /// <param name="sentences">m token lists, each non-empty.</param>
    /// <param name="labels">Their labels (0 or 1), or null.</param>
    /// <param name="words">The vocabulary.</param>
    /// <param name="dropWord">Word dropout for training: replaces a word id (by &lt;unk&gt; at random); null keeps every id.</param>
    public static SentimentBatch Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int>? labels, WordVocabulary words,
        Func<int, int>? dropWord = null)
    {
        var lengths = BatchLengths.Of(sentences);
        var ids = sentences.Select(s => (IReadOnlyList<int>)s.Select(w => dropWord is null ? words.IdOf(w) : dropWord(words.IdOf(w))).ToArray()).ToList();
        var x = SequenceBatch.OneHotPadded(words.Count, ids, WordVocabulary.PadId);
        return new SentimentBatch(x, lengths, labels is null ? null : LastStepTargets(labels, lengths, x.Length));
    }

    /// <summary>y&lt;t&gt; = label at every step, weighted 1 / m at t = T_x^(j) only.</summary>
    private static SequenceTargets LastStepTargets(IReadOnlyList<int> labels, int[] lengths, int tx)
    {
        int m = lengths.Length;
        if (labels.Count != m)
        {
            throw new ArgumentException($"{labels.Count} labels for {m} sentences: need one per sentence.", nameof(labels));
        }
        var row = new double[m];
        for (int j = 0; j < m; j++)
        {
            row[j] = labels[j] is 0 or 1 ? labels[j]
                : throw new ArgumentOutOfRangeException(nameof(labels), $"label {j} is {labels[j]}; expected 0 or 1.");
        }
        var y = Enumerable.Range(0, tx).Select(_ => new Matrix(1, m, (double[])row.Clone())).ToArray();
        var weights = SequenceTargets.LastStepOnly(lengths, tx);
        foreach (var step in weights)
        {
            for (int j = 0; j < m; j++)
            {
                step[j] /= m; // the mean over the batch
            }
        }
        return SequenceTargets.Dense(y, weights);
    }
}
