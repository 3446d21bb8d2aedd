namespace RnnNotebooks.Tasks;

/// <summary>
/// m sentences as a tagger reads them, padded at the end to the longest, Tx: word ids and suffix ids
/// (<see cref="WordVocabulary.PadId"/> at the padding), the fixed features f&lt;t&gt; (n_f, m) (0 at the padding), the real
/// lengths, the document features d&lt;t&gt; (n_d, m) below f&lt;t&gt; when given, and, when the tags are known, the targets with weight 1 / (number of real tokens) on every real token and
/// 0 on the padding, so the loss is the mean over the batch's tokens.
/// </summary>
internal sealed class NerBatch
{
    private NerBatch(SequenceBatch words, SequenceBatch suffixes, Matrix[] features, int[] lengths, SequenceTargets? targets)
    {
        Words = words;
        Suffixes = suffixes;
        Features = features;
        Lengths = lengths;
        Targets = targets;
    }

    /// <summary>Word ids, Tx steps of m.</summary>
    public SequenceBatch Words { get; }

    /// <summary>Suffix ids, Tx steps of m.</summary>
    public SequenceBatch Suffixes { get; }

    /// <summary>f&lt;t&gt; at [t - 1], (n_f, m), or [f&lt;t&gt;; d&lt;t&gt;] (n_f + n_d, m) with document features.</summary>
    public Matrix[] Features { get; }

    /// <summary>The real length of each sentence.</summary>
    public int[] Lengths { get; }

    /// <summary>The tag ids with the mean-over-tokens weights; null when built without tags.</summary>
    public SequenceTargets? Targets { get; }

    /// <summary>Tx, the longest sentence.</summary>
    public int Length => Words.Length;

    /// <summary>m, the number of sentences.</summary>
    public int BatchSize => Words.BatchSize;

    /// <summary>The batch of <paramref name="sentences"/>, with targets when <paramref name="tags"/> is given.</summary>
    /// <param name="sentences">m token lists, each non-empty.</param>
    /// <param name="tags">The tag ids of each token, or null.</param>
    /// <param name="words">The word vocabulary.</param>
    /// <param name="suffixes">The suffix vocabulary.</param>
    /// <param name="dropWord">Word dropout for training: replaces a word id (e.g. by &lt;unk&gt; at random); null keeps every id.</param>
    /// <param name="documentFeatures">d&lt;t&gt; of every token, [sentence][token][n_d] (<see cref="DocumentFeatures"/>); null for none.</param>
    public static NerBatch Build(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<int>>? tags,
        WordVocabulary words, WordVocabulary suffixes, Func<int, int>? dropWord = null, IReadOnlyList<double[][]>? documentFeatures = null)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        int[] lengths = BatchLengths.Of(sentences);
        int tx = lengths.Max();
        var wordIds = sentences.Select(s => (IReadOnlyList<int>)s.Select(w => dropWord is null ? words.IdOf(w) : dropWord(words.IdOf(w))).ToArray()).ToList();
        var suffixIds = sentences.Select(s => (IReadOnlyList<int>)s.Select(w => suffixes.IdOfKey(WordFeatures.Suffix(w))).ToArray()).ToList();
        return new NerBatch(
            SequenceBatch.OneHotPadded(words.Count, wordIds, WordVocabulary.PadId),
            SequenceBatch.OneHotPadded(suffixes.Count, suffixIds, WordVocabulary.PadId),
            FeatureSteps(sentences, tx, documentFeatures),
            lengths,
            tags is null ? null : MeanTargets(tags, lengths, tx));
    }

    private static Matrix[] FeatureSteps(IReadOnlyList<IReadOnlyList<string>> sentences, int tx, IReadOnlyList<double[][]>? documentFeatures)
    {
        int m = sentences.Count, nF = WordFeatures.Count, rows = nF + (documentFeatures is null ? 0 : DocumentFeatures.Count);
        var steps = Enumerable.Range(0, tx).Select(_ => new Matrix(rows, m)).ToArray();
        Span<double> f = stackalloc double[nF];
        for (int j = 0; j < m; j++)
        {
            for (int t = 0; t < sentences[j].Count; t++)
            {
                WordFeatures.Write(sentences[j][t], t, f);
                for (int i = 0; i < rows; i++)
                {
                    steps[t][i, j] = i < nF ? f[i] : documentFeatures![j][t][i - nF]; // [f<t>; d<t>]
                }
            }
        }
        return steps;
    }

    private static SequenceTargets MeanTargets(IReadOnlyList<IReadOnlyList<int>> tags, int[] lengths, int tx)
    {
        if (tags.Count != lengths.Length)
        {
            throw new ArgumentException($"{tags.Count} tag lists for {lengths.Length} sentences: need one per sentence.", nameof(tags));
        }
        double w = 1.0 / lengths.Sum();
        var classes = new int[tx][];
        var weights = new double[tx][];
        for (int t = 0; t < tx; t++)
        {
            classes[t] = new int[lengths.Length];
            weights[t] = new double[lengths.Length];
            for (int j = 0; j < lengths.Length; j++)
            {
                bool real = t < lengths[j];
                classes[t][j] = real ? tags[j][t] : 0;
                weights[t][j] = real ? w : 0;
            }
        }
        return SequenceTargets.ClassIndices(classes, weights);
    }
}
