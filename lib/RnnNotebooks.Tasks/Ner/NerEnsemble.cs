namespace RnnNotebooks.Tasks;

/// <summary>
/// k CRF taggers of the same tag set read as one: their emission scores and their CRF parameters averaged, then one
/// Viterbi path.
/// <code>
/// u&lt;t&gt; = (1 / k) sum_i u_i&lt;t&gt;      A = (1 / k) sum_i A_i      start, end alike
/// y    = argmax_y start[y&lt;1&gt;] + sum_t u&lt;t&gt;[y&lt;t&gt;] + sum_t A[y&lt;t-1&gt;, y&lt;t&gt;] + end[y&lt;T&gt;]
/// </code>
/// Each member reads its own vocabularies (and documents), so members trained with other seeds or settings combine.
/// </summary>
public sealed class NerEnsemble
{
    private readonly NerTagger[] members;
    private readonly LinearChainCrf crf;

    /// <summary>The ensemble of <paramref name="members"/>.</summary>
    /// <param name="members">At least one tagger, each with a CRF, all with the same tags in the same order.</param>
    /// <exception cref="ArgumentException">No member, a member without a CRF, or tags that differ (the message names the member).</exception>
    public NerEnsemble(IReadOnlyList<NerTagger> members)
    {
        ArgumentNullException.ThrowIfNull(members);
        if (members.Count == 0)
        {
            throw new ArgumentException("an ensemble needs at least one tagger.", nameof(members));
        }
        for (int i = 0; i < members.Count; i++)
        {
            if (members[i].Crf is null)
            {
                throw new ArgumentException($"member {i} has no CRF; an ensemble averages CRF taggers.", nameof(members));
            }
            if (!members[i].Tags.SequenceEqual(members[0].Tags))
            {
                throw new ArgumentException($"member {i} tags {string.Join(" ", members[i].Tags)}, member 0 {string.Join(" ", members[0].Tags)}.", nameof(members));
            }
        }
        this.members = [.. members];
        crf = new LinearChainCrf(members[0].Tags.Count);
        var averaged = crf.Tensors;
        for (int p = 0; p < averaged.Count; p++)
        {
            MeanInto(averaged[p].Values, this.members.Select(m => m.Crf!.Tensors[p].Values).ToList()); // A, start, end
        }
    }

    /// <summary>The averaged CRF: A, start and end, each the mean of the members'.</summary>
    public LinearChainCrf Crf => crf;

    /// <summary>The members, in order.</summary>
    public IReadOnlyList<NerTagger> Members => members;

    /// <summary>The valid IOB2 tags of each sentence: the Viterbi path of the averaged scores (each member reads the sentence in its document).</summary>
    /// <param name="sentences">Sentences, each non-empty.</param>
    /// <returns>One tag list per sentence, as long as it.</returns>
    public IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<Data.NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var scores = members.Select(m => m.EmissionScores(sentences)).ToList();
        return Enumerable.Range(0, sentences.Count).Select(i =>
        {
            var u = new double[scores[0][i].Length];
            MeanInto(u, scores.Select(s => s[i]).ToList()); // u<t> = (1 / k) sum_i u_i<t>
            return members[0].ReadTags(crf.Decode(u));
        }).ToList();
    }

    /// <summary>mean[i] = (sum over the arrays in order of array[i]) / k.</summary>
    private static void MeanInto(Span<double> mean, IReadOnlyList<double[]> arrays)
    {
        for (int i = 0; i < mean.Length; i++)
        {
            double sum = 0;
            foreach (var a in arrays)
            {
                sum += a[i];
            }
            mean[i] = sum / arrays.Count;
        }
    }
}
