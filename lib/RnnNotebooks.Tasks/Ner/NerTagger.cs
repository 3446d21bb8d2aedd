using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// A named-entity tagger in the note's equations, one IOB2 tag per token (Tx = Ty):
/// <code>
/// x&lt;t&gt;    = [E[:, word&lt;t&gt;]; S[:, suffix&lt;t&gt;]; f&lt;t&gt; (; d&lt;t&gt;) (; r&lt;t&gt;)]   (n_x, m), n_x = n_e + n_s + n_f (+ n_d) (+ 2 n_ca)
/// a&lt;t&gt;    = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)                             left to right, or both directions of a BiRNN
///                                                                      (or a GRU/LSTM step: <see cref="NerTaggerOptions.Cell"/>)
/// yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by)                                   (n_y, m), n_y = 9 tags, or Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;]
/// L        = (1 / N) sum_t sum_j w&lt;t&gt;_j (-log yHat&lt;t&gt;[tag&lt;t&gt;_j, j])     w = 1 on the N real tokens, 0 on padding
/// L        = (1 / N) sum_j -log p_CRF(tags_j | x_j)                            with a CRF (<see cref="NerTaggerOptions.Crf"/>)
/// </code>
/// r&lt;t&gt; (2 n_ca) is the word's spelling read by a character BiLSTM (<see cref="CharacterEncoder"/>) when
/// <see cref="NerTaggerOptions.Characters"/> is on; d&lt;t&gt; (n_d) what the token's document says of its word
/// (<see cref="DocumentFeatures"/>) when <see cref="NerTaggerOptions.DocumentFeatures"/> is on. With a CRF the logits Wya a&lt;t&gt; + by are its emission scores
/// (<see cref="LinearChainCrf"/>): the loss is the sentence's negative log-likelihood over all tag sequences, and
/// prediction is the Viterbi path instead of each token's argmax.
/// E (n_e, V) is the word embedding (<see cref="WordVocabulary"/>), S (n_s, V_s) the suffix embedding
/// (<see cref="WordFeatures.Suffix"/>), f&lt;t&gt; the fixed word-form features (<see cref="WordFeatures"/>). BPTT returns
/// dx&lt;t&gt;; its first n_e rows are dL/dE[:, word&lt;t&gt;], its next n_s rows dL/dS[:, suffix&lt;t&gt;], and the last n_f rows
/// are dropped (f is not learned). Sentences are batched padded at the end; the padding has weight 0, so it changes
/// neither the loss nor any gradient.
/// </summary>
public sealed class NerTagger
{
    private const string WordsPrefix = "words";
    private const string SuffixesPrefix = "suffixes";
    private const string RnnPrefix = "rnn";
    private const string CharsPrefix = "chars";
    private const string CrfPrefix = "crf";
    private const int PredictBatchSize = 64;

    private readonly ITagHead head;
    private readonly Dictionary<string, int> tagIds;
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<IReadOnlyList<string>>, DocumentWordCounts> documentCounts = [];
    private int[][] charColumns = [];

    private NerTagger(WordVocabulary words, WordVocabulary suffixes, IReadOnlyList<string> tags, Embedding wordEmbedding,
        Embedding suffixEmbedding, ITagHead head, CharacterEncoder? characters, LinearChainCrf? crf, bool documentFeatures)
    {
        ReadsDocuments = documentFeatures;
        Characters = characters;
        Crf = crf;
        Words = words;
        Suffixes = suffixes;
        Tags = [.. tags];
        WordEmbedding = wordEmbedding;
        SuffixEmbedding = suffixEmbedding;
        this.head = head;
        tagIds = Tags.Select((tag, id) => (tag, id)).ToDictionary(p => p.tag, p => p.id, StringComparer.Ordinal);
        Iobes = IobesTags.Uses(Tags);
    }

    /// <summary>
    /// A new tagger with seeded random weights, its vocabularies built from <paramref name="train"/>, its tags the nine
    /// of <see cref="IobTags.All"/> (O first), or the 17 of <see cref="IobesTags.All"/> with <see cref="NerTaggerOptions.Iobes"/>.
    /// </summary>
    /// <param name="train">The training sentences: the vocabularies come from their tokens.</param>
    /// <param name="options">Sizes, direction, minimum counts and seed; null for the defaults.</param>
    /// <exception cref="ArgumentException">There is no training sentence.</exception>
    public static NerTagger Create(IReadOnlyList<NerSentence> train, NerTaggerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sentences: the vocabularies need at least one.", nameof(train));
        }
        options ??= new NerTaggerOptions();
        var words = WordVocabulary.Build(train.Select(s => s.Tokens), options.MinWordCount);
        var suffixes = WordVocabulary.FromKeys(train.SelectMany(s => s.Tokens).Select(WordFeatures.Suffix), options.MinSuffixCount);
        var e = Embedding.Create(words.Count, options.nE, options.Seed, options.EmbeddingScale);
        var s = Embedding.Create(suffixes.Count, options.nS, options.Seed + 1, options.EmbeddingScale);
        var characters = options.Characters
            ? CharacterEncoder.Create(train.SelectMany(t => t.Tokens), options.CharacterCell, options.nC, options.nCA, options.MinCharacterCount,
                options.Seed + 3, options.EmbeddingScale)
            : null;
        int nX = options.nE + options.nS + WordFeatures.Count + (options.DocumentFeatures ? DocumentFeatures.Count : 0) + (characters?.OutputSize ?? 0);
        var tags = options.Iobes ? IobesTags.All : IobTags.All;
        int nY = tags.Count;
        var head = NewHead(options.Direction, options.Cell, nX, options.nA, nY, options.G1, options.Seed + 2);
        return new NerTagger(words, suffixes, tags, e, s, head, characters, options.Crf ? new LinearChainCrf(nY) : null, options.DocumentFeatures);
    }

    /// <summary>The word vocabulary: the columns of E.</summary>
    public WordVocabulary Words { get; }

    /// <summary>The suffix vocabulary: the columns of S.</summary>
    public WordVocabulary Suffixes { get; }

    /// <summary>The tags by id: row k of yHat&lt;t&gt; is p(tag k).</summary>
    public IReadOnlyList<string> Tags { get; }

    /// <summary>E, the word embedding (n_e, V).</summary>
    public Embedding WordEmbedding { get; }

    /// <summary>S, the suffix embedding (n_s, V_s).</summary>
    public Embedding SuffixEmbedding { get; }

    /// <summary>The character encoder whose r&lt;t&gt; ends x&lt;t&gt;; null without one.</summary>
    public CharacterEncoder? Characters { get; }

    /// <summary>Whether the tagger tags in IOBES inside (<see cref="NerTaggerOptions.Iobes"/>; its <see cref="Tags"/> hold E-X and S-X); it reads and writes IOB2.</summary>
    public bool Iobes { get; }

    /// <summary>Whether x&lt;t&gt; holds the document features d&lt;t&gt; (<see cref="NerTaggerOptions.DocumentFeatures"/>).</summary>
    public bool ReadsDocuments { get; }

    /// <summary>n_d: <see cref="DocumentFeatures.Count"/> when the tagger reads documents, else 0.</summary>
    public int nD => ReadsDocuments ? DocumentFeatures.Count : 0;

    /// <summary>The CRF over the logits; null for a softmax per token.</summary>
    public LinearChainCrf? Crf { get; }

    /// <summary>Left to right or bidirectional.</summary>
    public TaggerDirection Direction => head.Direction;

    /// <summary>The recurrent cell of the direction(s): RNN, GRU or LSTM.</summary>
    public RecurrentCell Cell => head.Cell;

    /// <summary>g1, the RNN's hidden activation (tanh for a GRU or LSTM, whose activations are fixed).</summary>
    public Activation G1 => head.G1;

    /// <summary>n_e, n_s, n_f, n_x = n_e + n_s + n_f, n_a (per direction), n_y.</summary>
    public (int nE, int nS, int nF, int nX, int nA, int nY) Sizes =>
        (WordEmbedding.nE, SuffixEmbedding.nE, WordFeatures.Count, head.Sizes.nX, head.Sizes.nA, head.Sizes.nY);

    /// <summary>Every parameter: E, S, then the recurrent layer's (RNN: Waa, Wax, Wya, Ba, By; GRU, LSTM: Wax, Waa, Bax, Baa, Wya, By; or both directions' and the head's).</summary>
    public IReadOnlyList<ParameterView> Tensors => [WordEmbedding.Tensors[0], SuffixEmbedding.Tensors[0] with { Name = "S" }, .. head.Tensors,
        .. Prefixed(CharsPrefix, Characters?.Tensors), .. Prefixed(CrfPrefix, Crf?.Tensors)];

    /// <summary>The gradients of the last <see cref="ComputeGradients"/>, in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors =>
        [WordEmbedding.GradientTensors[0], SuffixEmbedding.GradientTensors[0] with { Name = "dS" }, .. head.GradientTensors,
         .. Prefixed(CharsPrefix, Characters?.GradientTensors), .. Prefixed(CrfPrefix, Crf?.GradientTensors)];

    /// <summary>The number of scalar parameters.</summary>
    public int ParameterCount => Tensors.Sum(t => t.Values.Length);

    /// <summary>
    /// The IOB2 tag of every token: argmax_k yHat&lt;t&gt;[k] (the first on a tie), or with a CRF the Viterbi path, made valid IOB2: an I-X that does not
    /// continue an X (after O, or after another type) becomes B-X, the entity conlleval reads there anyway.
    /// A tagger that reads documents (<see cref="ReadsDocuments"/>) reads the given sentences as one document, in order.
    /// </summary>
    /// <param name="sentences">Token lists, each non-empty.</param>
    /// <returns>One tag list per sentence, as long as it.</returns>
    /// <exception cref="ArgumentException">A sentence is empty (the message names its index).</exception>
    public IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Predict(sentences, sentences.Select(_ => sentences).ToArray());
    }

    /// <summary>
    /// The tags of sentences from a corpus, as <see cref="Predict(IReadOnlyList{IReadOnlyList{string}})"/>, each read within its own
    /// <see cref="NerSentence.Document"/> (alone when it has none) when the tagger reads documents; the tags of the
    /// sentences are not used.
    /// </summary>
    /// <param name="sentences">Sentences, e.g. from <see cref="NerSplits.SentencesOf"/>.</param>
    /// <returns>One tag list per sentence, as long as it.</returns>
    public IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return Predict(Tokens(sentences), Documents(sentences));
    }

    private IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> documents) =>
        PerSentence(sentences, documents, TagsOf);

    /// <summary>The IOB2 tags of sentence j of the last forward pass (<paramref name="batch"/>): argmax yHat&lt;t&gt;, or the CRF's Viterbi path.</summary>
    private IReadOnlyList<string> TagsOf(NerBatch batch, int j)
    {
        var ids = Crf is null ? Enumerable.Range(1, batch.Lengths[j]).Select(t => ArgMax(head.YHat(t), j)).ToArray()
            : Crf.Decode(Emissions(j, batch.Lengths[j]));
        return ReadTags(ids);
    }

    /// <summary>
    /// The emission scores u&lt;t&gt; = Wya a&lt;t&gt; + by of each sentence (read in its document, as <see cref="Predict(IReadOnlyList{NerSentence})"/>):
    /// T n_y values, u[(t - 1) n_y + k] for tag k at step t; what the CRF decodes, or the softmax reads.
    /// </summary>
    /// <param name="sentences">Sentences, each non-empty.</param>
    /// <exception cref="ArgumentException">A sentence is empty (the message names its index).</exception>
    public IReadOnlyList<double[]> EmissionScores(IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return PerSentence(Tokens(sentences), Documents(sentences), (batch, j) => Emissions(j, batch.Lengths[j]));
    }

    /// <summary>Tag ids as valid IOB2 tags: IOBES read back as IOB2 (S-X as B-X, E-X as I-X), an I-X that starts an entity as B-X.</summary>
    /// <param name="ids">Ids into <see cref="Tags"/>.</param>
    public IReadOnlyList<string> ReadTags(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        return IobesTags.ToIob2(ids.Select(id => Tags[id]).ToArray());
    }

    /// <summary>Runs the sentences in batches of equal length and reads each one's answer from its batch's forward pass.</summary>
    private T[] PerSentence<T>(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> documents, Func<NerBatch, int, T> read)
    {
        for (int i = 0; i < sentences.Count; i++)
        {
            if (sentences[i] is not { Count: > 0 })
            {
                throw new ArgumentException($"sentence {i} has no tokens; every sentence needs at least one.", nameof(sentences));
            }
        }
        var answers = new T[sentences.Count];
        foreach (var chunk in ByLength(sentences.Count, i => sentences[i].Count))
        {
            var batch = Run(chunk.Select(i => sentences[i]).ToList(), null, chunk.Select(i => documents[i]).ToList());
            for (int j = 0; j < chunk.Length; j++)
            {
                answers[chunk[j]] = read(batch, j);
            }
        }
        return answers;
    }

    /// <summary>The tags of one sentence.</summary>
    /// <param name="tokens">The tokens, at least one.</param>
    public IReadOnlyList<string> Predict(IReadOnlyList<string> tokens) => Predict([tokens])[0];

    /// <summary>The mean loss per token over <paramref name="sentences"/> (each read in its document, as <see cref="Predict(IReadOnlyList{NerSentence})"/>): -(1/N) sum over all N tokens of log yHat[gold tag].</summary>
    /// <param name="sentences">Tagged sentences.</param>
    public double Loss(IReadOnlyList<NerSentence> sentences) => Score(sentences, predict: false).Loss;

    /// <summary>
    /// <see cref="Loss"/> and <see cref="Predict(IReadOnlyList{NerSentence})"/> of tagged sentences from one forward pass
    /// per batch, the same figures as the two calls: what scoring a held-out set after each epoch needs.
    /// </summary>
    /// <param name="sentences">Tagged sentences, each read in its document.</param>
    public (double Loss, IReadOnlyList<IReadOnlyList<string>> Predicted) LossAndPredictions(IReadOnlyList<NerSentence> sentences)
    {
        var (loss, predicted) = Score(sentences, predict: true);
        return (loss, predicted!);
    }

    private (double Loss, IReadOnlyList<IReadOnlyList<string>>? Predicted) Score(IReadOnlyList<NerSentence> sentences, bool predict)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        var predicted = predict ? new IReadOnlyList<string>[sentences.Count] : null;
        double total = 0;
        foreach (var chunk in ByLength(sentences.Count, i => sentences[i].Length))
        {
            var part = chunk.Select(i => sentences[i]).ToList();
            var tags = TagIds(part);
            var b = Run(Tokens(part), tags, Documents(part));
            total += (Crf is null ? head.Loss(b.Targets!) : CrfLoss(b, tags, null)) * part.Sum(s => s.Length); // the batch's mean loss times its tokens
            for (int j = 0; predicted is not null && j < chunk.Length; j++)
            {
                predicted[chunk[j]] = TagsOf(b, j);
            }
        }
        return (total / Math.Max(1, sentences.Sum(s => s.Length)), predicted);
    }

    /// <summary>L of one batch: the mean loss over its tokens, the objective <see cref="ComputeGradients"/> differentiates.</summary>
    /// <param name="batch">Tagged sentences, at least one.</param>
    public double BatchLoss(IReadOnlyList<NerSentence> batch)
    {
        var tags = TagIds(batch);
        var b = Run(Tokens(batch), tags, Documents(batch));
        return Crf is null ? head.Loss(b.Targets!) : CrfLoss(b, tags, null);
    }

    /// <summary>
    /// Forward, loss and BPTT of one batch: fills <see cref="GradientTensors"/> with dL/dE, dL/dS and the RNN's gradients,
    /// dE and dS taken from the rows of dx&lt;t&gt; that hold E[word&lt;t&gt;] and S[suffix&lt;t&gt;].
    /// </summary>
    /// <param name="batch">Tagged sentences, at least one.</param>
    /// <param name="wordDropout">
    /// Word dropout: each word is read as &lt;unk&gt; with this probability (its suffix and features stay), so the tagger
    /// learns to tag a word by its form and its neighbours, as it must for an unseen word. 0: none (the exact gradient of <see cref="BatchLoss"/>).
    /// </param>
    /// <param name="random">Draws the dropout; needed when <paramref name="wordDropout"/> or <paramref name="inputDropout"/> &gt; 0.</param>
    /// <param name="inputDropout">Dropout on x&lt;t&gt; (see <see cref="NerTrainingOptions.InputDropout"/>); 0: none.</param>
    /// <param name="singletons">The ids of the words seen once in training (<see cref="WordVocabulary.SingletonIds"/>); null for none.</param>
    /// <param name="singletonDropout">The probability of reading a singleton as &lt;unk&gt;, in place of <paramref name="wordDropout"/> (see <see cref="NerTrainingOptions.SingletonDropout"/>).</param>
    /// <returns>L, the mean loss over the batch's tokens.</returns>
    public double ComputeGradients(IReadOnlyList<NerSentence> batch, double wordDropout = 0, Random? random = null, double inputDropout = 0,
        IReadOnlySet<int>? singletons = null, double singletonDropout = 0)
    {
        var tags = TagIds(batch);
        var dropout = InputDropout.Of(inputDropout, random);
        var b = Run(Tokens(batch), tags, Documents(batch), WordDropout.Of(wordDropout, random, singletons, singletonDropout), dropout);
        double loss;
        IReadOnlyList<Matrix> dX;
        if (Crf is null)
        {
            loss = head.Loss(b.Targets!);
            dX = head.Backward(b.Targets!);
        }
        else
        {
            var dZ = Enumerable.Range(0, b.Length).Select(_ => new Matrix(Tags.Count, b.BatchSize)).ToArray();
            loss = CrfLoss(b, tags, dZ);
            dX = head.BackwardFromLogits(dZ);
        }
        dropout?.Backward(dX);
        int nE = WordEmbedding.nE, nS = SuffixEmbedding.nE;
        WordEmbedding.Backward(b.Words, RowBlock(dX, 0, nE));      // dE: rows 0 .. n_e - 1 of dx<t>
        SuffixEmbedding.Backward(b.Suffixes, RowBlock(dX, nE, nS)); // dS: rows n_e .. n_e + n_s - 1
        Characters?.Backward(CharacterGradient(dX, nE + nS + WordFeatures.Count + nD)); // dr: the last 2 n_ca rows, summed per distinct word
        return loss;
    }

    /// <summary>One training step: <see cref="ComputeGradients"/>, clipping by the global norm over every gradient, then the optimiser.</summary>
    /// <param name="batch">Tagged sentences, at least one.</param>
    /// <param name="optimizer">The optimiser, e.g. <see cref="Adam"/>; pass the same one at every step (it keeps state by position).</param>
    /// <param name="clipNorm">The largest global gradient norm; larger gradients are scaled down to it.</param>
    /// <param name="wordDropout">The probability of reading a word as &lt;unk&gt; (see <see cref="ComputeGradients"/>).</param>
    /// <param name="random">Draws the dropout; needed when <paramref name="wordDropout"/> or <paramref name="inputDropout"/> &gt; 0.</param>
    /// <param name="inputDropout">Dropout on x&lt;t&gt; (see <see cref="NerTrainingOptions.InputDropout"/>); 0: none.</param>
    /// <param name="singletons">The ids of the words seen once in training; null for none.</param>
    /// <param name="singletonDropout">The probability of reading a singleton as &lt;unk&gt; (see <see cref="ComputeGradients"/>).</param>
    /// <returns>L of the batch before the step.</returns>
    public double TrainStep(IReadOnlyList<NerSentence> batch, IOptimizer optimizer, double clipNorm = 5, double wordDropout = 0, Random? random = null,
        double inputDropout = 0, IReadOnlySet<int>? singletons = null, double singletonDropout = 0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        double loss = ComputeGradients(batch, wordDropout, random, inputDropout, singletons, singletonDropout);
        var gradients = GradientTensors;
        GradientClipping.ByGlobalNorm(gradients, clipNorm);
        optimizer.Step(Tensors, gradients);
        return loss;
    }

    /// <summary>
    /// Writes the weights to <c>&lt;name&gt;.safetensors</c> (E as "words.E", S as "suffixes.E", the RNN under "rnn.")
    /// and the rest to <c>&lt;name&gt;.json</c>: vocabularies, tags, sizes, activation, direction, cell. Over an ensemble saved
    /// at the same path, the member files its description listed are deleted, as nothing lists them any more.
    /// </summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json"; the folder is made when missing.</param>
    public void Save(string path) => Save(path, members: null);

    /// <summary><see cref="Save(string)"/>, the description listing the other <paramref name="members"/> of an ensemble this tagger leads.</summary>
    internal void Save(string path, IReadOnlyList<string>? members)
    {
        var (weights, config) = NerTaggerFile.Paths(path);
        NerTaggerFile.RemoveUnlistedMembers(config, members);
        NerTaggerFile.Write(config, NerTaggerFile.Describe(this, members));
        SafeTensors.Write(weights, [.. WordEmbedding.ToNamedTensors(WordsPrefix), .. SuffixEmbedding.ToNamedTensors(SuffixesPrefix),
            .. head.Parameters.ToNamedTensors(RnnPrefix), .. Characters?.ToNamedTensors(CharsPrefix) ?? [], .. Crf?.ToNamedTensors(CrfPrefix) ?? []]);
    }

    /// <summary>A tagger saved by <see cref="Save(string)"/>: the same cell and predictions, bit for bit; a file without a cell (saved before cells could be chosen) is an RNN. Of an ensemble's files, the first member alone (<see cref="NerEnsemble.Load"/> reads them all).</summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json".</param>
    /// <exception cref="FileNotFoundException">Either file is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the two do not fit each other (the message names the file and what).</exception>
    public static NerTagger Load(string path) => Load(path, out _);

    /// <summary><see cref="Load(string)"/>, also giving the description it read (an ensemble reads its member list there).</summary>
    internal static NerTagger Load(string path, out NerTaggerFile config)
    {
        var (weightsPath, configPath) = NerTaggerFile.Paths(path);
        config = NerTaggerFile.Read(configPath);
        var file = SafeTensors.Read(weightsPath);
        var words = new WordVocabulary(config.Words);
        var suffixes = new WordVocabulary(config.Suffixes);
        var e = Embedding.Load(file, WordsPrefix);
        var s = Embedding.Load(file, SuffixesPrefix);
        var characters = config.Characters?.Load(file, CharsPrefix, configPath);
        config.CheckFits(configPath, e, s, words, suffixes, characters);
        var head = NewHead(config.Direction, config.Cell, config.nX, config.nA, config.Tags.Count, config.G1, seed: 0);
        head.Parameters.LoadFrom(file, RnnPrefix);
        LinearChainCrf? crf = null;
        if (config.Crf)
        {
            crf = new LinearChainCrf(config.Tags.Count);
            crf.LoadFrom(file, CrfPrefix);
        }
        return new NerTagger(words, suffixes, config.Tags, e, s, head, characters, crf, config.DocumentFeatures);
    }

    /// <summary>The head of a direction and cell; the RNN's weights drawn exactly as before cells could be chosen.</summary>
    private static ITagHead NewHead(TaggerDirection direction, RecurrentCell cell, int nX, int nA, int nY, Activation g1, int seed) => direction switch
    {
        TaggerDirection.LeftToRight => new RnnTagHead(RecurrentLayers.Create(cell, nX, nA, nY, seed, g2: Activation.Softmax, g1: g1)),
        TaggerDirection.Bidirectional => new BidirectionalTagHead(cell == RecurrentCell.Rnn
            ? BidirectionalRnn.Create(nX, nA, nY, seed, g1)
            : BidirectionalRnn.Create(nX, nA, nY, seed, cell)),
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "a tagger reads LeftToRight or Bidirectional."),
    };

    /// <summary>Embeds the batch, x&lt;t&gt; = [E[word&lt;t&gt;]; S[suffix&lt;t&gt;]; f&lt;t&gt; (; d&lt;t&gt;) (; r&lt;t&gt;)], and runs the RNN over it.</summary>
    private NerBatch Run(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<IReadOnlyList<int>>? tags,
        IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> documents, Func<int, int>? dropWord = null, InputDropout? dropout = null)
    {
        var d = ReadsDocuments ? sentences.Select((s, j) => DocumentFeatures.Of([s], documentCounts.GetValue(documents[j], DocumentWordCounts.Of))[0]).ToList() : null;
        var b = NerBatch.Build(sentences, tags, Words, Suffixes, dropWord, d);
        var e = WordEmbedding.Forward(b.Words);
        var s = SuffixEmbedding.Forward(b.Suffixes);
        var r = Characters is null ? null : CharacterSteps(sentences, b.Length);
        var x = new Matrix[b.Length];
        for (int t = 1; t <= b.Length; t++)
        {
            x[t - 1] = r is null ? StackRows(e.DenseStep(t), s.DenseStep(t), b.Features[t - 1])
                : StackRows(e.DenseStep(t), s.DenseStep(t), b.Features[t - 1], r[t - 1]);
        }
        dropout?.Apply(x);
        head.Forward(SequenceBatch.Dense(x), b.Lengths);
        return b;
    }

    /// <summary>r&lt;t&gt; (2 n_ca, m) for every step: each distinct word of the batch read once, 0 on the padding.</summary>
    private Matrix[] CharacterSteps(IReadOnlyList<IReadOnlyList<string>> sentences, int tx)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        charColumns = Enumerable.Range(0, tx).Select(t => sentences.Select(s => t < s.Count ? columns.TryAdd(s[t], columns.Count) ? columns.Count - 1 : columns[s[t]] : -1).ToArray()).ToArray();
        var r = Characters!.Forward(columns.Keys.ToList());
        var steps = new Matrix[tx];
        for (int t = 0; t < tx; t++)
        {
            steps[t] = new Matrix(r.Rows, sentences.Count);
            for (int j = 0; j < sentences.Count; j++)
            {
                for (int i = 0; charColumns[t][j] >= 0 && i < r.Rows; i++)
                {
                    steps[t][i, j] = r[i, charColumns[t][j]]; // r<t>_j = r of the word at t
                }
            }
        }
        return steps;
    }

    /// <summary>dL/dr (2 n_ca, W): the rows from <paramref name="first"/> on of every dx&lt;t&gt;, added up per distinct word.</summary>
    private Matrix CharacterGradient(IReadOnlyList<Matrix> dX, int first)
    {
        int rows = Characters!.OutputSize, words = charColumns.SelectMany(c => c).Max() + 1;
        var dR = new Matrix(rows, words);
        for (int t = 0; t < dX.Count; t++)
        {
            for (int j = 0; j < dX[t].Cols; j++)
            {
                for (int i = 0; charColumns[t][j] >= 0 && i < rows; i++)
                {
                    dR[i, charColumns[t][j]] += dX[t][first + i, j]; // dr_w += dx<t>[r rows] wherever word w stands
                }
            }
        }
        return dR;
    }

    /// <summary>u&lt;t&gt; of sentence j of the last forward pass, t = 1 .. length: the logits, T n_y values.</summary>
    private double[] Emissions(int j, int length)
    {
        int nY = Tags.Count;
        var u = new double[length * nY];
        for (int t = 1; t <= length; t++)
        {
            var z = head.Logits(t);
            for (int k = 0; k < nY; k++)
            {
                u[(t - 1) * nY + k] = z[k, j];
            }
        }
        return u;
    }

    /// <summary>(1 / N) sum_j -log p(tags_j | x_j) over the last forward pass; with <paramref name="dZ"/>, its gradient per logit written there and into the CRF's.</summary>
    private double CrfLoss(NerBatch b, IReadOnlyList<IReadOnlyList<int>> tags, Matrix[]? dZ)
    {
        var crf = Crf!;
        int nY = Tags.Count;
        double w = 1.0 / b.Lengths.Sum(), total = 0;
        if (dZ is not null)
        {
            crf.ClearGradients();
        }
        for (int j = 0; j < b.BatchSize; j++)
        {
            var u = Emissions(j, b.Lengths[j]);
            var y = tags[j].ToArray();
            if (dZ is null)
            {
                total += crf.Loss(u, y);
                continue;
            }
            var du = new double[u.Length];
            total += crf.Backward(u, y, w, du);
            for (int t = 0; t < b.Lengths[j]; t++)
            {
                for (int k = 0; k < nY; k++)
                {
                    dZ[t][k, j] = du[t * nY + k];
                }
            }
        }
        return total * w;
    }

    /// <summary>Matrices of m columns stacked row-wise, first on top (row-major, so one block copy each).</summary>
    private static Matrix StackRows(params Matrix[] blocks)
    {
        var x = new Matrix(blocks.Sum(b => b.Rows), blocks[0].Cols);
        int offset = 0;
        foreach (var block in blocks)
        {
            block.Data.CopyTo(x.Data, offset);
            offset += block.Data.Length;
        }
        return x;
    }

    private static IEnumerable<ParameterView> Prefixed(string prefix, IReadOnlyList<ParameterView>? views) =>
        views?.Select(v => v with { Name = prefix + "." + v.Name }) ?? [];

    /// <summary>Rows first .. first + count - 1 of every dx&lt;t&gt;, as new (count, m) matrices.</summary>
    private static Matrix[] RowBlock(IReadOnlyList<Matrix> dX, int first, int count) =>
        dX.Select(d => new Matrix(count, d.Cols, d.Data.AsSpan(first * d.Cols, count * d.Cols).ToArray())).ToArray();

    private static int ArgMax(Matrix yHat, int j)
    {
        int best = 0;
        for (int k = 1; k < yHat.Rows; k++)
        {
            best = yHat[k, j] > yHat[best, j] ? k : best;
        }
        return best;
    }

    /// <summary>The indices 0 .. count - 1 sorted by length (stably), cut into batches: little padding, a fixed order.</summary>
    private static IEnumerable<int[]> ByLength(int count, Func<int, int> length) =>
        Enumerable.Range(0, count).OrderBy(length).Chunk(PredictBatchSize);

    private static List<IReadOnlyList<string>> Tokens(IReadOnlyList<NerSentence> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        return batch.Select(s => s.Tokens).ToList();
    }

    /// <summary>The document of each sentence: its <see cref="NerSentence.Document"/>, or itself alone.</summary>
    private static IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> Documents(IReadOnlyList<NerSentence> batch) =>
        batch.Select(s => s.Document ?? [s.Tokens]).ToArray();

    /// <summary>The gold tag ids of each sentence, its IOB2 tags rewritten in IOBES first when the tagger tags in IOBES.</summary>
    private List<IReadOnlyList<int>> TagIds(IReadOnlyList<NerSentence> batch) =>
        batch.Select((s, j) => (IReadOnlyList<int>)(Iobes ? IobesTags.FromIob2(s.Tags) : s.Tags).Select((tag, t) => TagId(tag, j, t)).ToArray()).ToList();

    private int TagId(string tag, int sentence, int token) => tagIds.TryGetValue(tag, out int id) ? id
        : throw new ArgumentException($"sentence {sentence} token {token} has tag '{tag}', not one of this tagger's tags ({string.Join(" ", Tags)}).");
}
