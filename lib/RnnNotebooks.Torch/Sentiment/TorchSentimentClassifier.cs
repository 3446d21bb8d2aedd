using System.Diagnostics;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 06's sentiment classifier trained the idiomatic TorchSharp way: a <see cref="TorchSentimentModule"/>
/// (nn.Embedding, nn.RNN / nn.GRU / nn.LSTM over packed sentences, nn.Linear), <c>binary_cross_entropy_with_logits</c>
/// averaged over the batch, word dropout as a random mask, <c>torch.optim.Adam</c>, <c>clip_grad_norm_</c>, and the core's
/// minibatches (<see cref="SentimentTraining.Minibatches"/>). The tokeniser and vocabulary are the core classifier's
/// (<see cref="SentimentTokenizer"/>, <see cref="WordVocabulary"/>). It runs on CUDA when TorchSharp has it, else on the CPU.
/// </summary>
public sealed class TorchSentimentClassifier : TorchApplicationModel<TorchSentimentModule>
{
    private TorchSentimentClassifier(WordVocabulary words, TorchSentimentModule module, Device device) : base(module, device)
    {
        Words = words;
    }

    /// <summary>A new classifier: the vocabulary of <paramref name="train"/>'s tokens as the core builds it, seeded weights.</summary>
    /// <param name="train">The training texts.</param>
    /// <param name="options">n_e, n_a, minimum word count, E's initial scale and seed (G1 is not used: nn.RNN is tanh; the recurrent weights keep torch's initialisation).</param>
    /// <param name="cell">nn.RNN, nn.GRU or nn.LSTM.</param>
    /// <param name="device">Where to run; null: CUDA if available, else the CPU.</param>
    /// <exception cref="ArgumentException">No training text.</exception>
    public static TorchSentimentClassifier Create(IReadOnlyList<string> train, SentimentClassifierOptions? options = null,
        RecurrentCell cell = RecurrentCell.Rnn, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("no training texts: the vocabulary needs at least one.", nameof(train));
        }
        options ??= new SentimentClassifierOptions();
        device = TorchDevices.Choose(device);
        var words = WordVocabulary.Build(train.Select(SentimentTokenizer.Tokenize), options.MinWordCount);
        random.manual_seed(options.Seed);
        var module = new TorchSentimentModule(words.Count, options.nE, options.nA, cell, options.EmbeddingScale);
        module.to(device);
        return new TorchSentimentClassifier(words, module, device);
    }

    /// <summary>The vocabulary: the rows of E.</summary>
    public WordVocabulary Words { get; }

    /// <summary>
    /// Trains for <see cref="TrainingOptions.Epochs"/> epochs, scoring <paramref name="heldOut"/> after each; with
    /// <see cref="TrainingOptions.KeepBest"/>, keeps the parameters of the epoch with the best held-out accuracy.
    /// </summary>
    /// <param name="train">Labelled training sentences, each with at least one token.</param>
    /// <param name="heldOut">Sentences to score after each epoch; null or empty for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clip norm, word dropout, seed, keep-best.</param>
    /// <param name="progress">Called after each epoch.</param>
    /// <exception cref="ArgumentException">No training sentence, or one without tokens (named by index).</exception>
    public TrainingResult Train(IReadOnlyList<SentimentExample> train, IReadOnlyList<SentimentExample>? heldOut = null,
        SentimentTrainingOptions? options = null, Action<TrainingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SentimentTrainingOptions();
        var tokens = TokensOf(train.Select(e => e.Text).ToList(), nameof(train));
        var clock = Stopwatch.StartNew();
        var rng = new Random(options.Seed);
        random.manual_seed(options.Seed);
        using var optimizer = optim.Adam(Module.parameters(), options.LearningRate);
        var epochs = new List<TrainingEpoch>();
        ParameterSnapshot? best = null;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double loss = TrainEpoch(SentimentTraining.Minibatches(tokens, options.BatchSize, rng), optimizer, options.ClipNorm,
                batch => (BatchLoss(batch.Select(i => tokens[i]).ToList(), batch.Select(i => train[i].Label).ToList(), options.WordDropout), 1));
            var (heldOutLoss, accuracy) = heldOut is { Count: > 0 } ? Evaluate(heldOut) : (double.NaN, double.NaN);
            epochs.Add(new TrainingEpoch(epoch, loss, heldOutLoss, accuracy, clock.Elapsed.TotalSeconds));
            progress?.Invoke(epochs[^1]);
            if (options.KeepBest && !double.IsNaN(accuracy) && (bestEpoch == 0 || accuracy > epochs[bestEpoch - 1].HeldOutScore))
            {
                best?.Dispose();
                (best, bestEpoch) = (new ParameterSnapshot(Module), epoch);
            }
        }
        best?.Restore(Module);
        best?.Dispose();
        return new TrainingResult(epochs, best is null ? epochs.Count : bestEpoch, clock.Elapsed.TotalSeconds);
    }

    /// <summary>p(positive) = sigmoid(z) of each text.</summary>
    /// <param name="texts">Review sentences as written, each with at least one token.</param>
    /// <exception cref="ArgumentException">A text without tokens (named by index).</exception>
    public double[] Predict(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var tokens = TokensOf(texts, nameof(texts));
        Module.eval();
        using var noGrad = no_grad();
        return tokens.Chunk(PredictionBatch).SelectMany(chunk =>
        {
            using var scope = NewDisposeScope();
            var (ids, lengths) = Ids(chunk);
            return sigmoid(Module.forward(ids, lengths)).cpu().to(float64).data<double>().ToArray();   // yHat = sigmoid(z)
        }).ToArray();
    }

    /// <summary>The mean loss per sentence, -y log yHat - (1 - y) log(1 - yHat), and the accuracy at the 0.5 threshold.</summary>
    /// <param name="examples">Labelled sentences, each with at least one token.</param>
    public (double Loss, double Accuracy) Evaluate(IReadOnlyList<SentimentExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        var p = Predict(examples.Select(e => e.Text).ToList());
        double loss = examples.Select((e, j) => -Math.Log(Math.Clamp(e.Label == 1 ? p[j] : 1 - p[j], 1e-12, 1))).Average();
        double accuracy = examples.Select((e, j) => (p[j] >= 0.5 ? 1 : 0) == e.Label ? 1.0 : 0.0).Average();
        return (loss, accuracy);
    }

    /// <summary>The batch's mean loss -y log yHat - (1 - y) log(1 - yHat), read with word dropout.</summary>
    private Tensor BatchLoss(IReadOnlyList<IReadOnlyList<string>> sentences, IReadOnlyList<int> labels, double wordDropout)
    {
        var (ids, lengths) = Ids(sentences);
        var y = tensor(labels.Select(label => (float)label).ToArray(), float32, Device);
        return nn.functional.binary_cross_entropy_with_logits(Module.forward(DropWords(ids, wordDropout), lengths), y);   // mean over m
    }

    /// <summary>Word dropout: each real word id becomes &lt;unk&gt; with probability p.</summary>
    private static Tensor DropWords(Tensor ids, double p)
    {
        var drop = (rand(ids.shape, device: ids.device) < p) & (ids != WordVocabulary.PadId);
        return ids.masked_fill(drop, WordVocabulary.UnknownId);
    }

    private (Tensor Ids, Tensor Lengths) Ids(IReadOnlyList<IReadOnlyList<string>> sentences) =>
        TokenIds.Padded(sentences.Select(s => (IReadOnlyList<int>)s.Select(Words.IdOf).ToArray()).ToList(), WordVocabulary.PadId, Device,
            nameof(sentences));

    private static IReadOnlyList<string>[] TokensOf(IReadOnlyList<string> texts, string parameter)
    {
        var tokens = texts.Select(SentimentTokenizer.Tokenize).ToArray();
        if (tokens.Length == 0)
        {
            throw new ArgumentException("no sentences: the batch is empty.", parameter);
        }
        int empty = Array.FindIndex(tokens, t => t.Count == 0);
        return empty < 0 ? tokens : throw new ArgumentException($"sentence {empty} ('{texts[empty]}') has no tokens.", parameter);
    }
}
