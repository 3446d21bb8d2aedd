using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 04's named-entity tagger trained the idiomatic TorchSharp way: a <see cref="TorchNerModule"/>
/// (nn.Embedding, a bidirectional nn.RNN / nn.GRU / nn.LSTM, nn.Linear), <c>cross_entropy</c> averaged over the real
/// tokens (padding is <c>ignore_index</c>), <c>torch.optim.Adam</c>, <c>clip_grad_norm_</c>, the same minibatches as
/// <see cref="NerTraining"/>. It runs on CUDA when TorchSharp finds a GPU build and a device, else on the CPU, with no change.
/// The vocabularies, word-form features and scorer are the core tagger's (<see cref="NerTagger"/>), so both read the same data.
/// </summary>
public sealed class TorchNerTagger : IDisposable
{
    private const long Ignore = -100; // cross_entropy's ignore_index: the padded positions

    private readonly TorchNerModule module;
    private readonly Dictionary<string, int> tagIds;

    private TorchNerTagger(WordVocabulary words, WordVocabulary suffixes, TorchNerModule module, Device device)
    {
        Words = words;
        Suffixes = suffixes;
        this.module = module;
        Device = device;
        tagIds = IobTags.All.Select((tag, id) => (tag, id)).ToDictionary(p => p.tag, p => p.id, StringComparer.Ordinal);
    }

    /// <summary>A new tagger: vocabularies from <paramref name="train"/> as <see cref="NerTagger.Create"/> builds them, seeded weights.</summary>
    /// <param name="train">The training sentences.</param>
    /// <param name="options">n_e, n_s, n_a, minimum counts and seed (Direction and G1 are not used: always bidirectional, tanh for nn.RNN).</param>
    /// <param name="cell">nn.RNN, nn.GRU or nn.LSTM.</param>
    /// <param name="device">Where to run; null: CUDA if available, else the CPU.</param>
    public static TorchNerTagger Create(IReadOnlyList<NerSentence> train, NerTaggerOptions? options = null, RecurrentCell cell = RecurrentCell.Rnn,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sentences: the vocabularies need at least one.", nameof(train));
        }
        options ??= new NerTaggerOptions();
        TorchSetup.EnsureLoaded();
        device ??= cuda.is_available() ? CUDA : CPU;
        var words = WordVocabulary.Build(train.Select(s => s.Tokens), options.MinWordCount);
        var suffixes = WordVocabulary.FromKeys(train.SelectMany(s => s.Tokens).Select(WordFeatures.Suffix), options.MinSuffixCount);
        random.manual_seed(options.Seed);
        var module = new TorchNerModule(words.Count, suffixes.Count, options.nE, options.nS, options.nA, IobTags.All.Count, cell);
        module.to(device);
        return new TorchNerTagger(words, suffixes, module, device);
    }

    /// <summary>The word vocabulary.</summary>
    public WordVocabulary Words { get; }

    /// <summary>The suffix vocabulary.</summary>
    public WordVocabulary Suffixes { get; }

    /// <summary>The device the module and every batch live on.</summary>
    public Device Device { get; }

    /// <summary>The module, e.g. to save its state_dict.</summary>
    public TorchNerModule Module => module;

    /// <summary>Trains for <see cref="TrainingOptions.Epochs"/> epochs (Adam, clipping, the core's minibatch order); no early stopping.</summary>
    /// <param name="train">The training sentences.</param>
    /// <param name="options">Epochs, batch size, learning rate, clip norm, seed (word dropout and patience are not used).</param>
    /// <param name="progress">Called after each epoch with its number and mean training loss per token.</param>
    /// <returns>The mean training loss of each epoch.</returns>
    public IReadOnlyList<double> Train(IReadOnlyList<NerSentence> train, NerTrainingOptions? options = null, Action<int, double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NerTrainingOptions();
        var rng = new Random(options.Seed);
        using var optimizer = optim.Adam(module.parameters(), options.LearningRate);
        var losses = new List<double>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            losses.Add(TrainEpoch(NerTraining.Minibatches(train, options.BatchSize, rng), optimizer, options.ClipNorm));
            progress?.Invoke(epoch, losses[^1]);
        }
        return losses;
    }

    /// <summary>One pass over the minibatches: zero_grad, forward, loss, backward, clip, step. Returns the mean batch loss.</summary>
    /// <param name="batches">The minibatches, e.g. from <see cref="NerTraining.Minibatches"/>.</param>
    /// <param name="optimizer">The optimiser over <see cref="Module"/>'s parameters.</param>
    /// <param name="clipNorm">The global gradient norm to clip to.</param>
    public double TrainEpoch(IReadOnlyList<NerSentence[]> batches, optim.Optimizer optimizer, double clipNorm)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(optimizer);
        module.train();
        double total = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (wordIds, suffixIds, features, lengths) = Inputs(batch.Select(s => s.Tokens).ToList());
            var logits = module.forward(wordIds, suffixIds, features, lengths);        // (Tx, m, n_y)
            var loss = nn.functional.cross_entropy(logits.reshape(-1, logits.shape[2]), Targets(batch, wordIds.shape[0]),
                ignore_index: Ignore);                                                  // mean over the real tokens
            loss.backward();
            nn.utils.clip_grad_norm_(module.parameters(), clipNorm);
            optimizer.step();
            total += loss.item<double>();
        }
        return total / batches.Count;
    }

    /// <summary>The likeliest tag of every token of each sentence.</summary>
    /// <param name="sentences">Token lists, each non-empty.</param>
    public IReadOnlyList<IReadOnlyList<string>> Predict(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        module.eval();
        var tags = new List<IReadOnlyList<string>>(sentences.Count);
        foreach (var chunk in sentences.Chunk(64))
        {
            using var scope = NewDisposeScope();
            using var noGrad = no_grad();
            var (wordIds, suffixIds, features, lengths) = Inputs(chunk);
            var best = module.forward(wordIds, suffixIds, features, lengths).argmax(-1).cpu().data<long>().ToArray(); // (Tx, m)
            int m = chunk.Length;
            tags.AddRange(chunk.Select((s, j) => (IReadOnlyList<string>)Enumerable.Range(0, s.Count).Select(t => IobTags.All[(int)best[t * m + j]]).ToArray()));
        }
        return tags;
    }

    /// <summary>Entity-level micro F1 (CoNLL: exact span and type) on tagged sentences.</summary>
    public double F1(IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return EntityScorer.Score(sentences, Predict(sentences.Select(s => s.Tokens).ToList())).Micro.F1;
    }

    /// <summary>Frees the module.</summary>
    public void Dispose() => module.Dispose();

    /// <summary>Word ids, suffix ids (Tx, m), features (Tx, m, n_f) on the device; lengths (m) on the CPU, as packing wants them.</summary>
    private (Tensor WordIds, Tensor SuffixIds, Tensor Features, Tensor Lengths) Inputs(IReadOnlyList<IReadOnlyList<string>> sentences)
    {
        int m = sentences.Count, tx = sentences.Max(s => s.Count);
        if (sentences.Any(s => s.Count == 0))
        {
            throw new ArgumentException("a sentence has no tokens; every sentence needs at least one.", nameof(sentences));
        }
        var wordIds = new long[tx * m];
        var suffixIds = new long[tx * m];
        var features = new double[tx * m * WordFeatures.Count];
        for (int j = 0; j < m; j++)
        {
            for (int t = 0; t < sentences[j].Count; t++)
            {
                string word = sentences[j][t];
                wordIds[t * m + j] = Words.IdOf(word);
                suffixIds[t * m + j] = Suffixes.IdOfKey(WordFeatures.Suffix(word));
                WordFeatures.Write(word, t, features.AsSpan((t * m + j) * WordFeatures.Count, WordFeatures.Count));
            }
        }
        return (tensor(wordIds, [tx, m], int64, Device), tensor(suffixIds, [tx, m], int64, Device),
            tensor(features, [tx, m, WordFeatures.Count], float64, Device), tensor(sentences.Select(s => (long)s.Count).ToArray(), int64));
    }

    /// <summary>Tag ids (Tx m), row t first, with <see cref="Ignore"/> on padding.</summary>
    private Tensor Targets(IReadOnlyList<NerSentence> batch, long tx)
    {
        int m = batch.Count;
        var ids = Enumerable.Repeat(Ignore, (int)tx * m).ToArray();
        for (int j = 0; j < m; j++)
        {
            for (int t = 0; t < batch[j].Length; t++)
            {
                ids[t * m + j] = tagIds[batch[j].Tags[t]];
            }
        }
        return tensor(ids, [tx * m], int64, Device);
    }
}
