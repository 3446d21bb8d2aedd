using System.Diagnostics;
using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 07's language model (names one character at a time) trained the idiomatic TorchSharp way: a
/// <see cref="TorchLanguageModule"/>, <c>cross_entropy</c> averaged over the real target tokens (padding is
/// <c>ignore_index</c>), <c>torch.optim.Adam</c>, <c>clip_grad_norm_</c>, and sampling with a temperature through
/// <c>torch.multinomial</c> and a seeded <c>torch.Generator</c>. The vocabulary is the core's <see cref="TokenVocabulary"/>
/// (id 0 = &lt;s&gt;, start and end); sequences are token ids without boundaries, as <see cref="TokenLanguageModel"/> takes them.
/// It runs on CUDA when TorchSharp has it, else on the CPU.
/// </summary>
public sealed class TorchTokenLanguageModel : TorchApplicationModel<TorchLanguageModule>
{
    private TorchTokenLanguageModel(TokenVocabulary vocabulary, TorchLanguageModule module, Device device) : base(module, device)
    {
        Vocabulary = vocabulary;
    }

    /// <summary>A new model with seeded weights.</summary>
    /// <param name="vocabulary">The tokens, e.g. <see cref="TokenVocabulary.Characters"/> of the names.</param>
    /// <param name="nE">n_e, the size of a token's vector.</param>
    /// <param name="nA">n_a, hidden units.</param>
    /// <param name="seed">torch's seed for the initial weights.</param>
    /// <param name="cell">nn.RNN, nn.GRU or nn.LSTM.</param>
    /// <param name="device">Where to run; null: CUDA if available, else the CPU.</param>
    public static TorchTokenLanguageModel Create(TokenVocabulary vocabulary, int nE, int nA, int seed, RecurrentCell cell = RecurrentCell.Gru,
        Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        device = TorchDevices.Choose(device);
        random.manual_seed(seed);
        var module = new TorchLanguageModule(vocabulary.Count, nE, nA, cell);
        module.to(device);
        return new TorchTokenLanguageModel(vocabulary, module, device);
    }

    /// <summary>The tokens.</summary>
    public TokenVocabulary Vocabulary { get; }

    /// <summary>
    /// Trains on shuffled minibatches; with <paramref name="heldOut"/>, scores it after each epoch, stops after
    /// <see cref="TrainingOptions.Patience"/> epochs without a better held-out loss and keeps the best epoch's weights.
    /// </summary>
    /// <param name="train">Token id sequences without boundaries, each non-empty.</param>
    /// <param name="heldOut">Sequences to score after each epoch, or null.</param>
    /// <param name="options">Epochs, batch size, learning rate, clip norm, seed, patience.</param>
    /// <param name="onEpoch">Called after each epoch.</param>
    /// <returns>One record per epoch: mean training loss per token (nats), held-out loss per token or NaN, seconds so far.</returns>
    /// <exception cref="ArgumentException">No training sequence, or an empty one.</exception>
    public IReadOnlyList<TrainingEpoch> Train(IReadOnlyList<int[]> train, IReadOnlyList<int[]>? heldOut = null, TrainingOptions? options = null,
        Action<TrainingEpoch>? onEpoch = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= new TrainingOptions();
        var rng = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        using var optimizer = optim.Adam(Module.parameters(), options.LearningRate);
        var epochs = new List<TrainingEpoch>();
        ParameterSnapshot? best = null;
        (double Loss, int Epoch) bestSoFar = (double.PositiveInfinity, 0);
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double loss = TrainEpoch(Shuffled(train, options.BatchSize, rng), optimizer, options.ClipNorm,
                batch => (Loss(batch, nn.Reduction.Mean), batch.Sum(s => s.Length + 1)));      // the mean over the batch's target tokens
            double heldOutLoss = heldOut is { Count: > 0 } ? NegativeLogLikelihood(heldOut).PerToken : double.NaN;
            epochs.Add(new TrainingEpoch(epoch, loss, heldOutLoss, double.NaN, clock.Elapsed.TotalSeconds));
            onEpoch?.Invoke(epochs[^1]);
            if (heldOutLoss < bestSoFar.Loss)
            {
                best?.Dispose();
                (best, bestSoFar) = (new ParameterSnapshot(Module), (heldOutLoss, epoch));
            }
            else if (bestSoFar.Epoch > 0 && epoch - bestSoFar.Epoch >= options.Patience)
            {
                break;                                                                       // as the core: patience epochs with no better loss
            }
        }
        best?.Restore(Module);
        best?.Dispose();
        return epochs;
    }

    /// <summary>Summed and per-token negative log-likelihood (nats) of sequences, each end (&lt;s&gt; after the last token) included.</summary>
    /// <param name="sequences">Token id sequences without boundaries, each non-empty.</param>
    public (double Total, double PerToken, int Tokens) NegativeLogLikelihood(IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        Module.eval();
        using var noGrad = no_grad();
        double total = 0;
        foreach (var chunk in sequences.Chunk(PredictionBatch))
        {
            using var scope = NewDisposeScope();
            total += Loss(chunk, nn.Reduction.Sum).item<float>();
        }
        int tokens = sequences.Sum(s => s.Length + 1);
        return (total, total / tokens, tokens);
    }

    /// <summary>
    /// One sequence: x&lt;1&gt; = &lt;s&gt;, then each token drawn from softmax(z&lt;t&gt; / T) is fed back, until &lt;s&gt; is drawn or
    /// the sequence has <paramref name="maxLength"/> tokens.
    /// </summary>
    /// <param name="generator">torch's seeded generator, e.g. <c>new torch.Generator(7)</c>; the same seed gives the same draws.</param>
    /// <param name="temperature">T &gt; 0: below 1 sharper, above 1 flatter.</param>
    /// <param name="maxLength">The longest sequence returned.</param>
    /// <returns>The tokens, without boundaries.</returns>
    /// <exception cref="ArgumentOutOfRangeException">T is not positive, or the length is not positive.</exception>
    public int[] Sample(Generator generator, double temperature = 1.0, int maxLength = 100)
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (!(temperature > 0) || double.IsInfinity(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "the temperature must be a positive finite number.");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        Module.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var sampled = new List<int>();
        var token = zeros([1, 1], int64, Device);                                            // x<1> = <s>
        TorchRecurrentState? state = null;
        while (sampled.Count < maxLength)
        {
            (var logits, state) = Module.forward(token, state);
            var p = softmax(logits[0, 0] / temperature, 0).cpu();                            // softmax(z<t> / T)
            int next = (int)multinomial(p, 1, generator: generator).item<long>();
            if (next == 0)
            {
                break;                                                                       // <s>: the end
            }
            sampled.Add(next);
            token = full(1, 1, next, int64, Device);                                         // fed back as x<t+1>
        }
        return sampled.ToArray();
    }

    /// <summary>The cross-entropy of x = (&lt;s&gt;, s...) predicting y = (s..., &lt;s&gt;), padded targets ignored.</summary>
    private Tensor Loss(IReadOnlyList<int[]> sequences, nn.Reduction reduction)
    {
        if (sequences.Any(s => s.Length == 0))
        {
            throw new ArgumentException("a sequence has no tokens; every sequence needs at least one.", nameof(sequences));
        }
        var (inputs, _) = TokenIds.Padded(sequences.Select(s => (IReadOnlyList<int>)[0, .. s]).ToList(), 0, Device, nameof(sequences));
        var (targets, _) = TokenIds.Padded(sequences.Select(s => (IReadOnlyList<int>)[.. s, 0]).ToList(), TokenIds.Ignored, Device, nameof(sequences));
        var (logits, _) = Module.forward(inputs);                                            // (Tx, m, V)
        return nn.functional.cross_entropy(logits.reshape(-1, Module.Vocabulary), targets.reshape(-1), ignore_index: TokenIds.Ignored, reduction: reduction);
    }
}
