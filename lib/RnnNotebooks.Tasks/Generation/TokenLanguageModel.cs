namespace RnnNotebooks.Tasks;

/// <summary>
/// The note's one-to-many RNN as a generative model of token sequences (min-char-rnn's model): one-hot x&lt;t&gt; over the
/// vocabulary, <c>a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)</c>, <c>yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by)</c>, trained to
/// predict x&lt;t+1&gt;. A sequence s_1 .. s_n is read as x = (&lt;s&gt;, s_1, .., s_n) with targets y = (s_1, .., s_n, &lt;s&gt;);
/// generation starts from x&lt;1&gt; = &lt;s&gt; (or a seed) and feeds each sampled yHat&lt;t&gt; back as x&lt;t+1&gt; until &lt;s&gt; comes out.
/// An optional grammar (which token may follow which) restricts and renormalises yHat&lt;t&gt; when sampling and scoring.
/// The recurrent layer may run GRU or LSTM cells instead of the RNN's (<see cref="Create"/>'s cell, <see cref="Layer"/>).
/// </summary>
public sealed class TokenLanguageModel
{
    private readonly bool[][]? allowedAfter;

    /// <summary>A model over the given RNN (n_x = n_y = the vocabulary's size, softmax output).</summary>
    /// <param name="rnn">The RNN: Waa (n_a, n_a), Wax (n_a, V), Wya (V, n_a), ba (n_a), by (V).</param>
    /// <param name="vocabulary">The tokens, id 0 the boundary.</param>
    /// <param name="grammar">The grammar's name (<see cref="TokenGrammars"/>): which token may follow which.</param>
    public TokenLanguageModel(Rnn rnn, TokenVocabulary vocabulary, string grammar = TokenGrammars.None)
        : this((RecurrentLayer)rnn, vocabulary, grammar)
    {
    }

    /// <summary>A model over a recurrent layer of any cell (n_x = n_y = the vocabulary's size, softmax output).</summary>
    /// <param name="layer">An <see cref="Rnn"/>, <see cref="Gru"/> or <see cref="Lstm"/> with n_x = n_y = V; its output layer Wya (V, n_a), by (V).</param>
    /// <param name="vocabulary">The tokens, id 0 the boundary.</param>
    /// <param name="grammar">The grammar's name (<see cref="TokenGrammars"/>): which token may follow which.</param>
    /// <exception cref="ArgumentException">The layer's sizes or output do not fit the vocabulary.</exception>
    public TokenLanguageModel(RecurrentLayer layer, TokenVocabulary vocabulary, string grammar = TokenGrammars.None)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(vocabulary);
        var (nX, _, nY) = layer.Sizes;
        if (nX != vocabulary.Count || nY != vocabulary.Count || layer.G2 != Activation.Softmax)
        {
            throw new ArgumentException($"the {layer.Cell} layer needs n_x = n_y = {vocabulary.Count} (the vocabulary) and a softmax output; it has n_x = {nX}, n_y = {nY}, g2 = {layer.G2}.", nameof(layer));
        }
        Layer = layer;
        Vocabulary = vocabulary;
        Grammar = grammar;
        allowedAfter = TokenGrammars.Table(grammar, vocabulary);
    }

    /// <summary>A model with seeded random weights.</summary>
    /// <param name="vocabulary">The tokens.</param>
    /// <param name="nA">n_a, the hidden size.</param>
    /// <param name="seed">The seed of the weights.</param>
    /// <param name="grammar">The grammar's name (<see cref="TokenGrammars"/>).</param>
    /// <param name="cell">The recurrent cell: the note's RNN (notebook 07, its weights drawn as before cells could be chosen), a GRU or an LSTM.</param>
    public static TokenLanguageModel Create(TokenVocabulary vocabulary, int nA, int seed, string grammar = TokenGrammars.None,
        RecurrentCell cell = RecurrentCell.Rnn)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        var layer = RecurrentLayers.Create(cell, vocabulary.Count, nA, vocabulary.Count, seed, g2: Activation.Softmax, g1: Activation.Tanh);
        return new TokenLanguageModel(layer, vocabulary, grammar);
    }

    /// <summary>The recurrent layer of any cell: n_x = n_y = V, softmax output.</summary>
    public RecurrentLayer Layer { get; }


    /// <summary>The recurrent cell: RNN, GRU or LSTM.</summary>
    public RecurrentCell Cell => Layer.Cell;

    /// <summary>g1, the RNN's hidden activation (tanh for a GRU or LSTM, whose activations are fixed).</summary>
    public Activation G1 => Layer.G1;

    /// <summary>The tokens.</summary>
    public TokenVocabulary Vocabulary { get; }

    /// <summary>The grammar's name.</summary>
    public string Grammar { get; }

    /// <summary>
    /// Trains on <paramref name="train"/> (token ids without boundaries) through <see cref="EpochTrainer"/>: Adam on shuffled
    /// minibatches padded and masked, the mean cross-entropy per token as the loss, clipping; with <paramref name="heldOut"/>,
    /// its negative log-likelihood per token picks the best epoch (and stops early with <see cref="TrainingOptions.Patience"/>).
    /// </summary>
    /// <param name="train">Token id sequences without boundaries.</param>
    /// <param name="heldOut">Sequences scored after every epoch; null for none.</param>
    /// <param name="options">Epochs, m, alpha, clip norm, patience, seed; null for the defaults of <see cref="TrainingOptions"/>.</param>
    /// <param name="onEpoch">Called after every epoch.</param>
    /// <returns>Every epoch, and which one the model's parameters come from.</returns>
    public TrainingResult Train(IReadOnlyList<int[]> train, IReadOnlyList<int[]>? heldOut = null,
        TrainingOptions? options = null, Action<TrainingEpoch>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        CheckSequences(train, nameof(train));
        RecurrentCache? cache = null;
        RecurrentGradients? gradients = null;
        var task = new TrainingTask<int[]>
        {
            Parameters = Layer.Parameters.Tensors,
            Gradients = () => gradients!.Tensors,
            Minibatches = (m, random) => Enumerable.Range(0, train.Count).OrderBy(_ => random.Next()).Chunk(m).ToArray(),
            LossAndGradients = (batch, _) =>
            {
                var (x, y, count) = Batch(batch.Select(i => train[i]).ToList());
                cache = Layer.Forward(x, null, null, cache);
                double loss = Layer.Loss(cache, y);  // the mean per target token: y's weights are 1 / count
                gradients = Layer.Backward(cache, y, null, gradients);
                return (loss, count);
            },
            Evaluate = heldOut is { Count: > 0 } ? () => (NegativeLogLikelihood(heldOut).PerToken, double.NaN) : null,
        };
        return EpochTrainer.Fit(task, options ?? new TrainingOptions(), onEpoch);
    }

    /// <summary>x = (&lt;s&gt;, s...), y = (s..., &lt;s&gt;) for each sequence, padded, with weights 1/(target tokens) on real steps and 0 on padding.</summary>
    private (SequenceBatch X, SequenceTargets Y, int Tokens) Batch(IReadOnlyList<int[]> sequences)
    {
        var inputs = sequences.Select(s => (IReadOnlyList<int>)[0, .. s]).ToList();
        int tx = inputs.Max(s => s.Count), count = inputs.Sum(s => s.Count);
        var classes = new int[tx][];
        var weights = new double[tx][];
        for (int t = 0; t < tx; t++)
        {
            classes[t] = new int[sequences.Count];
            weights[t] = new double[sequences.Count];
            for (int j = 0; j < sequences.Count; j++)
            {
                var s = sequences[j];
                bool real = t <= s.Length;
                classes[t][j] = t < s.Length ? s[t] : 0;  // y<t+1> = s_(t+1), then the end
                weights[t][j] = real ? 1.0 / count : 0;    // the mean over the batch's target tokens
            }
        }
        return (SequenceBatch.OneHotPadded(Vocabulary.Count, inputs, 0), SequenceTargets.ClassIndices(classes, weights), count);
    }

    /// <summary>
    /// log p(s_t | &lt;s&gt;, s_1 .. s_(t-1)) for t = 1 .. n, then log p(&lt;s&gt; | s), the end: n + 1 values, natural logarithms;
    /// yHat is renormalised over the tokens the grammar allows.
    /// </summary>
    public double[] LogProbabilities(IReadOnlyList<int> sequence) => LogProbabilities([sequence.ToArray()])[0];

    /// <summary><see cref="LogProbabilities(IReadOnlyList{int})"/> for many sequences at once (one padded batch).</summary>
    public double[][] LogProbabilities(IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        CheckSequences(sequences, nameof(sequences));
        var inputs = sequences.Select(s => (IReadOnlyList<int>)[0, .. s]).ToList();
        var cache = Layer.Forward(SequenceBatch.OneHotPadded(Vocabulary.Count, inputs, 0), null, null, null);
        var result = new double[sequences.Count][];
        for (int j = 0; j < sequences.Count; j++)
        {
            var s = sequences[j];
            result[j] = new double[s.Length + 1];
            for (int t = 1; t <= s.Length + 1; t++)
            {
                int previous = inputs[j][t - 1], target = t <= s.Length ? s[t - 1] : 0;
                result[j][t - 1] = LogProbability(cache.Logits(t), j, previous, target, t);
            }
        }
        return result;
    }

    /// <summary>Summed and per-token negative log-likelihood (nats) of sequences, ends included.</summary>
    public (double Total, double PerToken, int Tokens) NegativeLogLikelihood(IReadOnlyList<int[]> sequences)
    {
        var logs = LogProbabilities(sequences);
        double total = -logs.Sum(l => l.Sum());
        int tokens = logs.Sum(l => l.Length);
        return (total, total / tokens, tokens);
    }

    /// <summary>log softmax(z)_target over the tokens allowed after <paramref name="previous"/>.</summary>
    private double LogProbability(Matrix logits, int j, int previous, int target, int t)
    {
        var allowed = allowedAfter?[previous];
        if (allowed is not null && !allowed[target])
        {
            throw new ArgumentException($"step {t}: '{Vocabulary[target]}' may not follow '{Vocabulary[previous]}' in the grammar '{Grammar}'.");
        }
        double max = double.NegativeInfinity;
        for (int i = 0; i < logits.Rows; i++)
        {
            if (allowed is null || allowed[i])
            {
                max = Math.Max(max, logits[i, j]);
            }
        }
        double sum = 0;
        for (int i = 0; i < logits.Rows; i++)
        {
            if (allowed is null || allowed[i])
            {
                sum += CanonicalMath.Exp(logits[i, j] - max);
            }
        }
        return logits[target, j] - max - CanonicalMath.Log(sum); // log softmax
    }

    /// <summary>
    /// Generates one sequence: x&lt;1&gt; = &lt;s&gt;, then the <paramref name="seed"/> tokens (if any) are fed in; after that each
    /// token drawn from softmax(z&lt;t&gt; / T), restricted to what the grammar (and the <paramref name="constraint"/>, if any)
    /// allows and renormalised, is fed back as x&lt;t+1&gt;, until &lt;s&gt; is drawn or the sequence has <paramref name="maxLength"/> tokens.
    /// </summary>
    /// <param name="sampler">The seeded sampler.</param>
    /// <param name="temperature">T &gt; 0: below 1 sharper, above 1 flatter.</param>
    /// <param name="maxLength">The longest sequence returned.</param>
    /// <param name="seed">Tokens that start the sequence (included in the result); with a constraint, each must be allowed where it stands.</param>
    /// <param name="constraint">Which tokens may come next given those so far (<see cref="WholeTuneConstraint"/>), or null.</param>
    /// <returns>The tokens, without boundaries.</returns>
    /// <exception cref="ArgumentException">A seed token is not in the vocabulary, or the grammar or constraint forbids it where it stands.</exception>
    public int[] Sample(Sampler sampler, double temperature = 1.0, int maxLength = 100, IReadOnlyList<int>? seed = null,
        ISamplingConstraint? constraint = null)
    {
        ArgumentNullException.ThrowIfNull(sampler);
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be finite and > 0.");
        }
        var tokens = new List<int>(seed ?? []);
        if (constraint is not null)
        {
            CheckSeed(tokens, constraint);
        }
        var (advance, logits) = Steps(Layer);
        int x = 0;
        for (int t = 0; tokens.Count < maxLength; t++)
        {
            advance(x);                                      // a<t> from a<t-1> and x<t>
            if (t < tokens.Count)
            {
                x = tokens[t];                               // a seed token is x<t+1>
                continue;
            }
            var allowed = constraint is null ? null : CheckAllowed(constraint.Allowed(tokens), x, tokens.Count);
            x = sampler.Sample(Tempered(logits().Data, x, temperature, allowed)); // x<t+1> ~ softmax(z<t> / T), renormalised over what is allowed
            if (x == 0)
            {
                break;
            }
            tokens.Add(x);
        }
        return tokens.ToArray();
    }

    /// <summary>Each seed token must be a token the grammar and the constraint allow where it stands.</summary>
    private void CheckSeed(List<int> seed, ISamplingConstraint constraint)
    {
        for (int i = 0; i < seed.Count; i++)
        {
            if (seed[i] <= 0 || seed[i] >= Vocabulary.Count)
            {
                throw new ArgumentException($"seed token {i + 1} has the id {seed[i]}; ids must be in 1..{Vocabulary.Count - 1}.", nameof(seed));
            }
            var before = seed.GetRange(0, i);
            bool grammatical = allowedAfter is null || allowedAfter[i == 0 ? 0 : seed[i - 1]][seed[i]];
            if (!grammatical || !constraint.Allowed(before)[seed[i]])
            {
                throw new ArgumentException($"seed token {i + 1} ('{Vocabulary[seed[i]]}' after '{Vocabulary.Decode(before, " ")}') is not allowed there: {(grammatical ? constraint.ToString() : $"the grammar '{Grammar}'")}.", nameof(seed));
            }
        }
    }

    /// <summary>The constraint's mask, checked: one entry per token, and something the grammar allows after <paramref name="previous"/> left.</summary>
    /// <exception cref="InvalidOperationException">A mask of the wrong size, or nothing left to draw (a constraint that cannot be met).</exception>
    private bool[] CheckAllowed(bool[] allowed, int previous, int step)
    {
        if (allowed.Length != Vocabulary.Count)
        {
            throw new InvalidOperationException($"the constraint returned {allowed.Length} entries for a vocabulary of {Vocabulary.Count} tokens.");
        }
        for (int i = 0; i < allowed.Length; i++)
        {
            if (allowed[i] && (allowedAfter is null || allowedAfter[previous][i]))
            {
                return allowed;
            }
        }
        throw new InvalidOperationException($"token {step + 1}: no token is allowed by both the grammar '{Grammar}' and the constraint.");
    }

    /// <summary>One step of the layer at a time on its own state (<see cref="RecurrentLayer.Step"/>, no allocation): advance(x) and then z&lt;t&gt;.</summary>
    private static (Action<int> Advance, Func<Matrix> Logits) Steps(RecurrentLayer layer)
    {
        var state = layer.NewState();
        var zy = new Matrix(layer.Sizes.nY, 1);
        var yHat = new Matrix(layer.Sizes.nY, 1);
        void Advance(int x) => layer.Step(new StepInput([x]), state); // (a<t>[, c<t>]) = cell(x<t>, a<t-1>[, c<t-1>])
        Matrix Logits()
        {
            layer.Output(state.A, zy, yHat);                           // z<t> = Wya a<t> + by
            return zy;
        }
        return (Advance, Logits);
    }

    /// <summary>softmax(z / T) over the tokens allowed after <paramref name="previous"/> (and by <paramref name="also"/>, if given), 0 elsewhere.</summary>
    private double[] Tempered(ReadOnlySpan<double> z, int previous, double temperature, bool[]? also = null)
    {
        var allowed = allowedAfter?[previous];
        var q = new double[z.Length];
        double max = double.NegativeInfinity;
        for (int i = 0; i < z.Length; i++)
        {
            if ((allowed is null || allowed[i]) && (also is null || also[i]))
            {
                max = Math.Max(max, z[i]);
            }
        }
        for (int i = 0; i < z.Length; i++)
        {
            bool open = (allowed is null || allowed[i]) && (also is null || also[i]);
            q[i] = open ? CanonicalMath.Exp((z[i] - max) / temperature) : 0; // exp(z_i / T), shifted
        }
        return q;
    }

    private void CheckSequences(IReadOnlyList<int[]> sequences, string name)
    {
        if (sequences.Count == 0)
        {
            throw new ArgumentException($"{name} is empty.", name);
        }
        for (int j = 0; j < sequences.Count; j++)
        {
            foreach (int id in sequences[j])
            {
                if (id <= 0 || id >= Vocabulary.Count)
                {
                    throw new ArgumentException($"{name}[{j}] holds the id {id}; ids must be in 1..{Vocabulary.Count - 1} (0 is the boundary).", name);
                }
            }
        }
    }

    /// <summary>Saves NAME.safetensors (the layer's tensors: Waa, Wax, Wya, ba, by for the RNN) and NAME.json (tokens, sizes, activations, cell, grammar).</summary>
    /// <param name="path">NAME, NAME.safetensors or NAME.json; the folder is made when missing.</param>
    /// <param name="task">What the model generates ("names", "music"), written into the description.</param>
    public void Save(string path, string task)
    {
        var (weights, config) = TokenModelFile.Paths(path);
        TokenModelFile.Write(config, TokenModelFile.Describe(this, task));
        Layer.Parameters.Save(weights, metadata: new Dictionary<string, string> { ["format"] = TokenModelFile.FormatName, ["task"] = task });
    }

    /// <summary>Loads a model <see cref="Save"/> wrote, of the cell it records (a file without a cell, saved before cells could be chosen, is an RNN).</summary>
    /// <exception cref="FileNotFoundException">A file is missing.</exception>
    /// <exception cref="InvalidDataException">The files do not describe such a model, or do not belong together.</exception>
    public static TokenLanguageModel Load(string path)
    {
        var (weights, config) = TokenModelFile.Paths(path);
        var file = TokenModelFile.Read(config);
        if (!File.Exists(weights))
        {
            throw new FileNotFoundException($"{weights}: no such weights file (a saved model has NAME.safetensors beside NAME.json).", weights);
        }
        var parameters = TokenModelFile.LoadParameters(weights, file.Cell);
        var vocabulary = new TokenVocabulary(file.Tokens.Skip(1));
        file.CheckFits(config, parameters, vocabulary);
        return new TokenLanguageModel(RecurrentLayers.Over(parameters, file.G1, Activation.Softmax), vocabulary, file.Grammar);
    }
}
