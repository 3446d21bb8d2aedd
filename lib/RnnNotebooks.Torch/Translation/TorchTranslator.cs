using System.Diagnostics;
using RnnNotebooks.Tasks;
using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 05's translator with attention (dates as people write them -> yyyy-mm-dd) trained the idiomatic TorchSharp
/// way: a <see cref="TorchTranslationModule"/>, teacher forcing, <c>cross_entropy</c> averaged over the real output tokens
/// (padding is <c>ignore_index</c>), <c>torch.optim.Adam</c>, <c>clip_grad_norm_</c>, greedy decoding. The vocabularies are
/// the core's (<see cref="TranslationVocabulary"/>: &lt;pad&gt; &lt;unk&gt; &lt;s&gt; &lt;/s&gt;, then characters or words).
/// It runs on CUDA when TorchSharp has it, else on the CPU.
/// </summary>
public sealed class TorchTranslator : TorchApplicationModel<TorchTranslationModule>
{
    private TorchTranslator(TranslationVocabulary source, TranslationVocabulary target, int maxOutputLength, TorchTranslationModule module, Device device)
        : base(module, device)
    {
        (Source, Target, MaxOutputLength) = (source, target, maxOutputLength);
    }

    /// <summary>A new translator: vocabularies of <paramref name="pairs"/> as <see cref="Translator.Create"/> builds them, seeded weights.</summary>
    /// <param name="pairs">Training pairs (input, output).</param>
    /// <param name="level">Characters (dates) or words.</param>
    /// <param name="nE">n_e, the size of a token's vector.</param>
    /// <param name="nA">n_a, the units of each encoder direction (the decoder has 2 n_a).</param>
    /// <param name="nAtt">n_att, the attention's scoring units.</param>
    /// <param name="seed">torch's seed for the initial weights.</param>
    /// <param name="cell">nn.RNN, nn.GRU or nn.LSTM.</param>
    /// <param name="device">Where to run; null: CUDA if available, else the CPU.</param>
    /// <exception cref="ArgumentException">No pairs.</exception>
    public static TorchTranslator Create(IReadOnlyList<(string Input, string Output)> pairs, TokenLevel level, int nE, int nA, int nAtt, int seed,
        RecurrentCell cell = RecurrentCell.Gru, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        if (pairs.Count == 0)
        {
            throw new ArgumentException("no training pairs: the vocabularies need at least one.", nameof(pairs));
        }
        device = TorchDevices.Choose(device);
        var source = TranslationVocabulary.Build(pairs.Select(p => p.Input), level);
        var target = TranslationVocabulary.Build(pairs.Select(p => p.Output), level);
        int maxOutputLength = pairs.Max(p => target.Encode(p.Output).Length) + 5;
        random.manual_seed(seed);
        var module = new TorchTranslationModule(source.Count, target.Count, nE, nA, nAtt, cell);
        module.to(device);
        return new TorchTranslator(source, target, maxOutputLength, module, device);
    }

    /// <summary>The input vocabulary.</summary>
    public TranslationVocabulary Source { get; }

    /// <summary>The output vocabulary.</summary>
    public TranslationVocabulary Target { get; }

    /// <summary>The most output tokens greedy decoding writes (the longest training output and its end, plus 5).</summary>
    public int MaxOutputLength { get; }

    /// <summary>Trains for <see cref="TrainingOptions.Epochs"/> epochs over shuffled minibatches.</summary>
    /// <param name="train">Training pairs.</param>
    /// <param name="options">Epochs, batch size, learning rate, clip norm, seed.</param>
    /// <param name="progress">Called after each epoch.</param>
    /// <returns>One record per epoch: mean loss per output token (HeldOutLoss is NaN).</returns>
    /// <exception cref="ArgumentException">No training pair.</exception>
    public IReadOnlyList<TrainingEpoch> Train(IReadOnlyList<(string Input, string Output)> train, TrainingOptions? options = null,
        Action<TrainingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(train);
        options ??= TranslatorTraining.Defaults;
        var rng = new Random(options.Seed);
        var clock = Stopwatch.StartNew();
        using var optimizer = optim.Adam(Module.parameters(), options.LearningRate);
        var epochs = new List<TrainingEpoch>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double loss = TrainEpoch(Shuffled(train, options.BatchSize, rng), optimizer, options.ClipNorm, BatchLoss);
            epochs.Add(new TrainingEpoch(epoch, loss, double.NaN, double.NaN, clock.Elapsed.TotalSeconds));
            progress?.Invoke(epochs[^1]);
        }
        return epochs;
    }

    /// <summary>Greedy translations of <paramref name="inputs"/>, each up to its end token or <see cref="MaxOutputLength"/> tokens.</summary>
    /// <param name="inputs">The texts to translate; an empty text is read as just its end token.</param>
    /// <exception cref="ArgumentException">No input.</exception>
    public IReadOnlyList<string> Translate(IReadOnlyList<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        Module.eval();
        using var noGrad = no_grad();
        return inputs.Count == 0
            ? throw new ArgumentException("no inputs: the batch is empty.", nameof(inputs))
            : inputs.Chunk(PredictionBatch).SelectMany(TranslateChunk).ToList();
    }

    private IEnumerable<string> TranslateChunk(string[] chunk)
    {
        using var scope = NewDisposeScope();
        var (ids, lengths) = TokenIds.Padded(chunk.Select(s => (IReadOnlyList<int>)Source.Encode(s)).ToList(), TranslationVocabulary.PadId, Device,
            nameof(chunk));
        var best = Module.Greedy(ids, lengths, MaxOutputLength).Ids.t().cpu().data<long>().ToArray();     // (m, Ty), row j first
        return chunk.Select((_, j) => Target.Decode(best.Skip(j * MaxOutputLength).Take(MaxOutputLength).Select(id => (int)id))).ToList();
    }

    /// <summary>The batch's mean cross-entropy per output token with teacher forcing, and its number of output tokens.</summary>
    private (Tensor Loss, int Tokens) BatchLoss(List<(string Input, string Output)> batch)
    {
        var targets = batch.Select(p => Target.Encode(p.Output)).ToList();
        var (sourceIds, sourceLengths) = TokenIds.Padded(batch.Select(p => (IReadOnlyList<int>)Source.Encode(p.Input)).ToList(),
            TranslationVocabulary.PadId, Device, nameof(batch));
        var (previous, _) = TokenIds.Padded(targets.Select(y => (IReadOnlyList<int>)[TranslationVocabulary.StartId, .. y[..^1]]).ToList(),
            TranslationVocabulary.PadId, Device, nameof(batch));                                            // y<0..Ty-1>, teacher forcing
        var (expected, _) = TokenIds.Padded(targets.Select(y => (IReadOnlyList<int>)y).ToList(), TokenIds.Ignored, Device, nameof(batch));
        var logits = Module.forward(sourceIds, sourceLengths, previous);                                    // (Ty, m, n_y)
        var loss = nn.functional.cross_entropy(logits.reshape(-1, Module.TargetVocabulary), expected.reshape(-1), ignore_index: TokenIds.Ignored);
        return (loss, targets.Sum(y => y.Length));
    }
}
