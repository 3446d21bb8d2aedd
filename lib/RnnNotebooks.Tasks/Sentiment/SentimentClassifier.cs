namespace RnnNotebooks.Tasks;

/// <summary>
/// A many-to-one sentiment classifier in the note's equations: read a sentence word by word, answer once at the end.
/// <code>
/// x&lt;t&gt;    = E[:, word&lt;t&gt;]                                    (n_e, m), n_x = n_e
/// a&lt;t&gt;    = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba),  a&lt;0&gt; = 0          (n_a, m), or a GRU/LSTM step (<see cref="SentimentClassifierOptions.Cell"/>)
/// yHat&lt;t&gt; = sigmoid(Wya a&lt;t&gt; + by)                           (1, m): p(positive) after reading words 1..t
/// L        = (1 / m) sum_j L(yHat&lt;T_j&gt;_j, y_j)                  the loss at each sentence's last word only
/// </code>
/// L(yHat, y) = -y log yHat - (1 - y) log(1 - yHat). The loss weights are the core's masked loss with w&lt;t&gt;_j = 1/m at
/// t = T_j and 0 elsewhere (<see cref="SequenceTargets.LastStepOnly"/>), so the padding after a shorter sentence and
/// the steps before its end add nothing to L or to any gradient. BPTT returns dx&lt;t&gt; = dL/dE[:, word&lt;t&gt;].
/// <para>
/// yHat&lt;t&gt; is computed at every step anyway: <see cref="StepProbabilities"/> reads it word by word, to watch the model
/// change its mind at "not" or "but". The prediction is yHat&lt;T_x&gt;, and for a text with no tokens yHat&lt;0&gt; =
/// sigmoid(Wya a&lt;0&gt; + by) = sigmoid(by), the model's answer before reading any word.
/// </para>
/// </summary>
public sealed class SentimentClassifier
{
    private const string WordsPrefix = "words";
    private const string RnnPrefix = "rnn";
    private const string HeadPrefix = "head";
    private const int PredictBatchSize = 64;

    private RecurrentCache? cache;
    private RecurrentGradients gradients;
    private readonly StatePooling? pooling;
    private readonly PooledReadout? head;
    private double[][] features = [];
    private EmbeddingDropout? embeddingMask;

    private SentimentClassifier(WordVocabulary words, Embedding embedding, RecurrentLayer layer, SentimentPooling pooling, PooledReadout? head)
    {
        Words = words;
        Embedding = embedding;
        Layer = layer;
        Pooling = pooling;
        gradients = layer.ZeroGradients();
        if (pooling != SentimentPooling.Last)
        {
            this.pooling = new StatePooling(pooling, layer.Sizes.nA);
            this.head = head ?? throw new ArgumentNullException(nameof(head), $"pooling {pooling} needs a head over the pooled states.");
        }
    }

    /// <summary>A new classifier with seeded random weights, its vocabulary built from the tokens of <paramref name="train"/>.</summary>
    /// <param name="train">The training texts (tokenised by <see cref="SentimentTokenizer"/>).</param>
    /// <param name="options">Sizes, minimum word count and seed; null for the defaults.</param>
    /// <exception cref="ArgumentException">There is no training text.</exception>
    public static SentimentClassifier Create(IReadOnlyList<string> train, SentimentClassifierOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("no training texts: the vocabulary needs at least one.", nameof(train));
        }
        options ??= new SentimentClassifierOptions();
        var words = WordVocabulary.Build(train.Select(SentimentTokenizer.Tokenize), options.MinWordCount);
        var e = Embedding.Create(words.Count, options.nE, options.Seed, options.EmbeddingScale);
        var layer = RecurrentLayers.Create(options.Cell, options.nE, options.nA, 1, options.Seed + 1, g2: Activation.Sigmoid, g1: options.G1);
        var head = options.Pooling == SentimentPooling.Last ? null
            : new PooledReadout(new StatePooling(options.Pooling, options.nA).Width).Initialize(options.Seed + 2);
        return new SentimentClassifier(words, e, layer, options.Pooling, head);
    }

    /// <summary>The vocabulary: the columns of E.</summary>
    public WordVocabulary Words { get; }

    /// <summary>E, the word embedding (n_e, V).</summary>
    public Embedding Embedding { get; }

    /// <summary>
    /// The recurrent layer of any cell, n_x = n_e, n_y = 1, g2 = sigmoid: the RNN's Waa (n_a, n_a), Wax (n_a, n_e), ba (n_a),
    /// or a GRU's/LSTM's Wax (G n_a, n_e), Waa (G n_a, n_a), bax, baa (G n_a); then Wya (1, n_a), by (1).
    /// </summary>
    public RecurrentLayer Layer { get; }


    /// <summary>The recurrent cell: RNN, GRU or LSTM.</summary>
    public RecurrentCell Cell => Layer.Cell;

    /// <summary>g1, the RNN's hidden activation (tanh for a GRU or LSTM, whose activations are fixed).</summary>
    public Activation G1 => Layer.G1;

    /// <summary>
    /// What the head reads. <see cref="SentimentPooling.Last"/>: the layer's own Wya (1, n_a), by on a&lt;T_j&gt;. Otherwise a head
    /// Wya (1, P n_a), by over h_j = [a&lt;T_j&gt;; mean_t a&lt;t&gt;; max_t a&lt;t&gt;] (the chosen parts), and the layer's own Wya, by
    /// take no part (they are left out of <see cref="Tensors"/>).
    /// </summary>
    public SentimentPooling Pooling { get; }

    /// <summary>n_e, n_a.</summary>
    public (int nE, int nA) Sizes => (Embedding.nE, Layer.Sizes.nA);

    /// <summary>
    /// Every parameter: E, then the layer's (RNN: Waa, Wax, Wya, ba, by; GRU, LSTM: Wax, Waa, bax, baa, Wya, by); with pooling, the
    /// layer's without its Wya and by, then the head's Wya (1, P n_a) and by.
    /// </summary>
    public IReadOnlyList<ParameterView> Tensors => head is null ? [.. Embedding.Tensors, .. Layer.Parameters.Tensors]
        : [.. Embedding.Tensors, .. Recurrent(Layer.Parameters.Tensors), .. head.Tensors];

    /// <summary>The gradients of the last <see cref="ComputeGradients"/>, in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors => head is null ? [.. Embedding.GradientTensors, .. gradients.Tensors]
        : [.. Embedding.GradientTensors, .. Recurrent(gradients.Tensors), .. head.GradientTensors];

    /// <summary>The number of scalar parameters.</summary>
    public int ParameterCount => Tensors.Sum(t => t.Values.Length);

    /// <summary>p(positive) = yHat&lt;T_x&gt; of each text (with pooling: sigmoid(Wya h + by)); sigmoid(by) for a text with no tokens.</summary>
    /// <param name="texts">Review sentences, as written.</param>
    public double[] Predict(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = texts.Select(SentimentTokenizer.Tokenize).ToList();
        var p = new double[texts.Count];
        var nonEmpty = Enumerable.Range(0, texts.Count).Where(i => tokens[i].Count > 0).ToArray();
        double prior = Sigmoid(head?.By[0] ?? Layer.Parameters.By[0]); // yHat<0> = sigmoid(Wya a<0> + by) with a<0> = 0
        for (int i = 0; i < p.Length; i++)
        {
            p[i] = prior;
        }
        foreach (var chunk in nonEmpty.OrderBy(i => tokens[i].Count).Chunk(PredictBatchSize))
        {
            var batch = Run(chunk.Select(i => tokens[i]).ToList(), null);
            for (int j = 0; j < chunk.Length; j++)
            {
                p[chunk[j]] = head is null ? Cache.YHat(batch.Lengths[j])[0, j] : head.Probability(features[j]); // yHat<T_j> of sentence j
            }
        }
        return p;
    }

    /// <summary>p(positive) of one text.</summary>
    /// <param name="text">A review sentence.</param>
    public double Predict(string text) => Predict([text])[0];

    /// <summary>The label of each text: 1 when p(positive) &gt;= 0.5, else 0.</summary>
    /// <param name="texts">Review sentences.</param>
    public int[] Classify(IReadOnlyList<string> texts) => Predict(texts).Select(p => p >= 0.5 ? 1 : 0).ToArray();

    /// <summary>
    /// The tokens of a text and yHat&lt;t&gt; after each: what the model would answer if the sentence stopped there (with
    /// pooling: the head over the states of words 1..t).
    /// </summary>
    /// <param name="text">A review sentence with at least one token.</param>
    /// <exception cref="ArgumentException">The text has no tokens.</exception>
    public (IReadOnlyList<string> Tokens, double[] YHat) StepProbabilities(string text)
    {
        var tokens = SentimentTokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new ArgumentException($"'{text}' has no tokens; yHat<t> needs at least one word.", nameof(text));
        }
        Run([tokens], null);
        return (tokens, Enumerable.Range(1, tokens.Count)
            .Select(t => head is null ? Cache.YHat(t)[0, 0] : head.Probability(pooling!.Forward(Cache, [t])[0])).ToArray());
    }

    /// <summary>
    /// The tokens of a text and the recurrent layer's forward pass over them (m = 1): a&lt;t&gt; at every word and, for a
    /// GRU or an LSTM (a <see cref="RecurrentCache"/>), its gates at every word, to look inside the model while it reads.
    /// </summary>
    /// <param name="text">A review sentence with at least one token.</param>
    /// <exception cref="ArgumentException">The text has no tokens.</exception>
    public (IReadOnlyList<string> Tokens, RecurrentCache States) ReadingStates(string text)
    {
        var tokens = SentimentTokenizer.Tokenize(text);
        if (tokens.Count == 0)
        {
            throw new ArgumentException($"'{text}' has no tokens; the states need at least one word.", nameof(text));
        }
        var b = SentimentBatch.Build([tokens], null, Words);
        return (tokens, Layer.Forward(Embedding.Forward(b.Words), null, null, null)); // a fresh cache: the caller keeps it
    }

    /// <summary>The mean loss over labelled examples: -(1/N) sum_i log p(y_i), p read at each sentence's last word.</summary>
    /// <param name="texts">Review sentences, each with at least one token.</param>
    /// <param name="labels">Their labels, 0 or 1.</param>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public double Loss(IReadOnlyList<string> texts, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(labels);
        if (texts.Count != labels.Count)
        {
            throw new ArgumentException($"{texts.Count} texts but {labels.Count} labels; need one label per text.", nameof(labels));
        }
        double total = 0;
        foreach (var chunk in Enumerable.Range(0, texts.Count).Chunk(PredictBatchSize))
        {
            total += BatchLoss(chunk.Select(i => texts[i]).ToList(), chunk.Select(i => labels[i]).ToList()) * chunk.Length;
        }
        return total / Math.Max(1, texts.Count);
    }

    /// <summary>L of one batch, the objective <see cref="ComputeGradients"/> differentiates.</summary>
    /// <param name="texts">m review sentences, each with at least one token.</param>
    /// <param name="labels">Their labels.</param>
    public double BatchLoss(IReadOnlyList<string> texts, IReadOnlyList<int> labels)
    {
        var b = Run(Tokens(texts), labels);
        return head is null ? Layer.Loss(Cache, b.Targets!) : head.Loss(features, labels);
    }

    /// <summary>Forward, loss and BPTT of one batch: fills <see cref="GradientTensors"/> with dE and the recurrent layer's gradients.</summary>
    /// <param name="texts">m review sentences, each with at least one token.</param>
    /// <param name="labels">Their labels.</param>
    /// <param name="wordDropout">The probability of reading a training word as &lt;unk&gt;; 0 for the exact gradient of <see cref="BatchLoss"/>.</param>
    /// <param name="random">Draws the dropout; needed when <paramref name="wordDropout"/> &gt; 0.</param>
    /// <param name="embeddingDropout">The probability of dropping a value of x&lt;t&gt; (inverted dropout); 0 for the exact gradient.</param>
    /// <returns>L of the batch.</returns>
    public double ComputeGradients(IReadOnlyList<string> texts, IReadOnlyList<int> labels, double wordDropout = 0, Random? random = null,
        double embeddingDropout = 0) =>
        ComputeGradientsOnTokens(Tokens(texts), labels, new SentimentTrainingOptions { WordDropout = wordDropout, EmbeddingDropout = embeddingDropout }, random);

    /// <summary><see cref="ComputeGradients"/> on sentences already tokenised (training tokenises each sentence once).</summary>
    internal double ComputeGradientsOnTokens(IReadOnlyList<IReadOnlyList<string>> tokens, IReadOnlyList<int> labels, SentimentTrainingOptions dropout,
        Random? random)
    {
        var b = Run(tokens, labels, WordDropout.Of(dropout.WordDropout, random), dropout.EmbeddingDropout, random);
        var dA = head is null ? null : pooling!.Backward(head.Backward(features, labels), b.Words.Length); // dL/dh_j, then dL/da<t>
        double loss = head is null ? Layer.Loss(Cache, b.Targets!) : head.Loss(features, labels);
        var options = new BackwardOptions { ComputeDX = true, dAFromAbove = dA };
        gradients = Layer.Backward(Cache, head is null ? b.Targets! : null, options, gradients);
        embeddingMask?.Backward(gradients.dX!); // dx<t> = d<t> ⊙ dx~<t>
        Embedding.Backward(b.Words, gradients.dX!); // dE[:, word<t>] += dx<t>
        return loss;
    }

    /// <summary>One training step: <see cref="ComputeGradients"/>, clipping by the global norm, then the optimiser.</summary>
    /// <param name="texts">m review sentences.</param>
    /// <param name="labels">Their labels.</param>
    /// <param name="optimizer">The optimiser (pass the same one at every step).</param>
    /// <param name="clipNorm">The largest global gradient norm.</param>
    /// <param name="wordDropout">The probability of reading a word as &lt;unk&gt;.</param>
    /// <param name="random">Draws the dropout.</param>
    /// <param name="embeddingDropout">The probability of dropping a value of x&lt;t&gt; (inverted dropout).</param>
    /// <returns>L of the batch before the step.</returns>
    public double TrainStep(IReadOnlyList<string> texts, IReadOnlyList<int> labels, IOptimizer optimizer, double clipNorm = 5,
        double wordDropout = 0, Random? random = null, double embeddingDropout = 0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        double loss = ComputeGradients(texts, labels, wordDropout, random, embeddingDropout);
        var g = GradientTensors;
        GradientClipping.ByGlobalNorm(g, clipNorm);
        optimizer.Step(Tensors, g);
        return loss;
    }

    /// <summary>
    /// Writes E as "words.E" and the recurrent layer (of any cell) under "rnn." to <c>&lt;name&gt;.safetensors</c>, and the vocabulary, sizes and
    /// rules, with the cell, to <c>&lt;name&gt;.json</c>.
    /// </summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json"; the folder is made when missing.</param>
    public void Save(string path)
    {
        var (weights, config) = ModelFileJson.Paths(path);
        SentimentClassifierFile.Write(config, SentimentClassifierFile.Describe(this));
        SafeTensors.Write(weights, [.. Embedding.ToNamedTensors(WordsPrefix), .. Layer.Parameters.ToNamedTensors(RnnPrefix),
            .. head?.ToNamedTensors(HeadPrefix) ?? []]);
    }

    /// <summary>A classifier saved by <see cref="Save"/>: the same cell and predictions, bit for bit; a file without a cell (saved before cells could be chosen) is an RNN.</summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json".</param>
    /// <exception cref="FileNotFoundException">Either file is missing (the message names it).</exception>
    /// <exception cref="InvalidDataException">A file is malformed or the two do not fit each other.</exception>
    public static SentimentClassifier Load(string path)
    {
        var (weightsPath, configPath) = ModelFileJson.Paths(path);
        var config = SentimentClassifierFile.Read(configPath);
        if (!File.Exists(weightsPath))
        {
            throw new FileNotFoundException($"{weightsPath}: no such sentiment model weights (saved beside {configPath}).", weightsPath);
        }
        var file = SafeTensors.Read(weightsPath);
        var words = new WordVocabulary(config.Words);
        var e = Embedding.Load(file, WordsPrefix);
        config.CheckFits(configPath, e, words);
        var parameters = RecurrentLayers.Zeros(config.Cell, config.nE, config.nA, 1);
        parameters.LoadFrom(file, RnnPrefix);
        var layer = RecurrentLayers.Over(parameters, config.G1, Activation.Sigmoid);
        PooledReadout? head = null;
        if (config.Pooling != SentimentPooling.Last)
        {
            head = new PooledReadout(new StatePooling(config.Pooling, config.nA).Width);
            head.LoadFrom(file, HeadPrefix);
        }
        return new SentimentClassifier(words, e, layer, config.Pooling, head);
    }

    /// <summary>
    /// Embeds the batch, x&lt;t&gt; = E[:, word&lt;t&gt;] (with embedding dropout in training), runs the recurrent layer over it
    /// into the cache and, with pooling, pools each sentence's states into <see cref="features"/>.
    /// </summary>
    private SentimentBatch Run(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int>? labels, Func<int, int>? dropWord = null,
        double embeddingDropout = 0, Random? random = null)
    {
        var b = SentimentBatch.Build(sentences, labels, Words, dropWord);
        var x = Embedding.Forward(b.Words);
        embeddingMask = EmbeddingDropout.Apply(x, embeddingDropout, random);
        cache = Layer.Forward(x, null, null, cache);
        features = pooling?.Forward(Cache, b.Lengths) ?? [];
        return b;
    }

    /// <summary>The layer's tensors without its own output layer (Wya, by), which a pooled head replaces.</summary>
    private IEnumerable<ParameterView> Recurrent(IReadOnlyList<ParameterView> tensors)
    {
        var names = Layer.Parameters.Tensors;
        return tensors.Where((_, i) => names[i].Name is not ("Wya" or "By"));
    }

    private RecurrentCache Cache => cache ?? throw new InvalidOperationException("the recurrent layer has no forward pass yet.");

    private static List<IReadOnlyList<string>> Tokens(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        return texts.Select(SentimentTokenizer.Tokenize).ToList();
    }

    private static double Sigmoid(double z) => CanonicalMath.Sigmoid(z);
}
