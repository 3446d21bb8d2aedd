using RnnNotebooks;

namespace RnnNotebooks.Tasks;

/// <summary>
/// A minibatch for teacher forcing: m sources of equal length (batches are made per source length, so the encoder needs
/// no padding), the decoder's inputs &lt;s&gt; y&lt;1&gt; .. y&lt;Ty-1&gt; and targets y&lt;1&gt; .. y&lt;Ty&gt; = .. &lt;/s&gt;, padded to the
/// longest target with weights 0 there. Every real step weighs 1 / (the batch's real target steps): the loss is the mean
/// cross-entropy per output token.
/// </summary>
/// <param name="X">The sources' ids, Tx steps.</param>
/// <param name="YIn">The decoder's inputs, Ty steps.</param>
/// <param name="Y">The targets with the mask.</param>
public sealed record TranslationBatch(SequenceBatch X, SequenceBatch YIn, SequenceTargets Y)
{
    /// <summary>The batch of the given encoded pairs.</summary>
    /// <param name="sources">Source ids (each ending in the end token), all of one length.</param>
    /// <param name="targets">Target ids, each ending in the end token.</param>
    /// <param name="nX">The source vocabulary size.</param>
    /// <param name="nY">The target vocabulary size.</param>
    /// <exception cref="ArgumentException">The sources differ in length (the message names the sample).</exception>
    public static TranslationBatch Of(IReadOnlyList<int[]> sources, IReadOnlyList<int[]> targets, int nX, int nY)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        int tx = sources[0].Length, m = sources.Count, ty = targets.Max(t => t.Length);
        for (int j = 0; j < m; j++)
        {
            if (sources[j].Length != tx)
            {
                throw new ArgumentException($"source {j} has {sources[j].Length} tokens, source 0 has {tx}: a batch holds sources of one length.", nameof(sources));
            }
        }
        var x = Enumerable.Range(0, tx).Select(t => sources.Select(s => s[t]).ToArray()).ToArray();
        var yIn = new int[ty][];
        var y = new int[ty][];
        var w = new double[ty][];
        double weight = 1.0 / targets.Sum(t => t.Length);
        for (int t = 0; t < ty; t++)
        {
            yIn[t] = targets.Select(target => t == 0 ? TranslationVocabulary.StartId : t < target.Length ? target[t - 1] : TranslationVocabulary.PadId).ToArray();
            y[t] = targets.Select(target => t < target.Length ? target[t] : TranslationVocabulary.PadId).ToArray();
            w[t] = targets.Select(target => t < target.Length ? weight : 0.0).ToArray();
        }
        return new TranslationBatch(SequenceBatch.OneHot(nX, x), SequenceBatch.OneHot(nY, yIn), SequenceTargets.ClassIndices(y, w));
    }
}
