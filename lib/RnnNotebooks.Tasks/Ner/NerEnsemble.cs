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

    /// <summary>
    /// Trains one CRF tagger per input dropout and returns them as an ensemble: member k gets the tagger options with
    /// seed <c>tagger.Seed + k</c> and the training options with seed <c>training.Seed + k</c> and input dropout
    /// <paramref name="inputDropouts"/>[k], so that the members differ in their draws and in how much they drop. The
    /// members train side by side, one per core (each on its own: the same weights whatever the number of cores).
    /// </summary>
    /// <param name="train">The training sentences.</param>
    /// <param name="heldOut">The sentences that choose each member's best epoch (<see cref="NerTraining.Train"/>).</param>
    /// <param name="tagger">The members' tagger options, a CRF among them.</param>
    /// <param name="training">The members' training options.</param>
    /// <param name="inputDropouts">One input dropout per member, at least one.</param>
    /// <param name="progress">Called after each epoch of member k with (k, the epoch), from the thread training it.</param>
    /// <exception cref="ArgumentException">No dropout, or tagger options without a CRF.</exception>
    public static NerEnsemble Train(IReadOnlyList<Data.NerSentence> train, IReadOnlyList<Data.NerSentence> heldOut, NerTaggerOptions tagger,
        NerTrainingOptions training, IReadOnlyList<double> inputDropouts, Action<int, TrainingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(inputDropouts);
        if (inputDropouts.Count == 0 || !tagger.Crf)
        {
            throw new ArgumentException($"an ensemble trains at least one CRF tagger; got {inputDropouts.Count} dropouts and Crf = {tagger.Crf}.", nameof(inputDropouts));
        }
        var members = new NerTagger[inputDropouts.Count];
        Parallel.For(0, members.Length, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, k =>
        {
            members[k] = NerTagger.Create(train, tagger with { Seed = tagger.Seed + k });
            NerTraining.Train(members[k], train, heldOut, training with { Seed = training.Seed + k, InputDropout = inputDropouts[k] },
                epoch => progress?.Invoke(k, epoch));
        });
        return new NerEnsemble(members);
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

    /// <summary>
    /// Saves the members as tagger files, each in the weight format of <see cref="NerTagger.Save(string)"/>: the first at
    /// <paramref name="path"/>, its description listing the others, which go beside it as <c>&lt;name&gt;-2</c>,
    /// <c>&lt;name&gt;-3</c>, ... (written first, so that a listed member is always there). <see cref="NerTagger.Load(string)"/>
    /// of the path reads the first member alone, <see cref="Load"/> the ensemble. Members of an earlier, larger ensemble saved
    /// at the same path that the new description does not list are deleted.
    /// </summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json"; the folder is made when missing.</param>
    public void Save(string path)
    {
        var (weights, _) = NerTaggerFile.Paths(path);
        string folder = Path.GetDirectoryName(Path.GetFullPath(weights))!, name = Path.GetFileNameWithoutExtension(weights);
        var others = Enumerable.Range(2, members.Length - 1).Select(k => $"{name}-{k}").ToList();
        for (int k = 1; k < members.Length; k++)
        {
            members[k].Save(Path.Combine(folder, others[k - 1]));
        }
        members[0].Save(weights, others.Count > 0 ? others : null);
    }

    /// <summary>
    /// The taggers saved at <paramref name="path"/>: the one there, then the members its description lists (none for a
    /// tagger saved alone), each read by <see cref="NerTagger.Load(string)"/>.
    /// </summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json".</param>
    /// <exception cref="FileNotFoundException">A file is missing, a listed member's included (the message names it).</exception>
    /// <exception cref="InvalidDataException">A file is malformed (the message names the file and what).</exception>
    public static IReadOnlyList<NerTagger> LoadMembers(string path)
    {
        var (weights, config) = NerTaggerFile.Paths(path);
        var first = NerTagger.Load(path, out var description);
        string folder = Path.GetDirectoryName(Path.GetFullPath(weights))!;
        var listed = description.Members ?? [];
        foreach (string member in listed)
        {
            if (!NerTaggerFile.IsMemberName(member))
            {
                throw new InvalidDataException($"{config}: the member \"{member}\" is not a model name in the same folder (no folder, no '/' or '\\').");
            }
        }
        return [first, .. listed.Select(member => NerTagger.Load(Path.Combine(folder, member)))];
    }

    /// <summary>The ensemble saved by <see cref="Save"/> at <paramref name="path"/> (every member a CRF tagger; one member for a CRF tagger saved alone).</summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json".</param>
    public static NerEnsemble Load(string path) => new(LoadMembers(path));

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
