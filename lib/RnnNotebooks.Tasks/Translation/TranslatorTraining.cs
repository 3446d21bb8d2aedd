using RnnNotebooks;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="Translator"/> with teacher forcing through <see cref="EpochTrainer"/> (Adam over shuffled
/// minibatches, the gradient clipped by its global norm): the task's own parts are its minibatches of sources of one
/// length and its loss, the mean cross-entropy per output token.
/// </summary>
public static class TranslatorTraining
{
    /// <summary>The translator's defaults: the shared <see cref="TrainingOptions"/> with Adam's alpha 0.005.</summary>
    public static TrainingOptions Defaults { get; } = new() { LearningRate = 0.005 };

    /// <summary>Trains in place; returns one record per epoch.</summary>
    /// <param name="translator">The translator.</param>
    /// <param name="train">(input, output) training pairs.</param>
    /// <param name="heldOut">Pairs whose loss is scored after every epoch (and picks the best epoch); null for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, seed; null for <see cref="Defaults"/>.</param>
    /// <param name="progress">Called after every epoch.</param>
    /// <param name="batchDone">Called after every minibatch with the epoch (from 1) and the share of its minibatches done, for a progress bar.</param>
    public static TrainingResult Train(Translator translator, IReadOnlyList<(string Input, string Output)> train,
        IReadOnlyList<(string Input, string Output)>? heldOut = null, TrainingOptions? options = null, Action<TrainingEpoch>? progress = null,
        Action<int, double>? batchDone = null)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("train holds no pairs.", nameof(train));
        }
        var model = translator.Model;
        var task = new TrainingTask<(TranslationBatch Batch, int Tokens)>
        {
            Parameters = model.Tensors,
            Gradients = () => model.GradientTensors,
            Minibatches = (m, random) => Batches(translator, train, m, random),
            LossAndGradients = (b, _) => (model.LossAndGradients(b.Batch.X, b.Batch.YIn, b.Batch.Y), b.Tokens), // the mean per output token
            Evaluate = heldOut is { Count: > 0 } ? () => (translator.MeanLoss(heldOut), double.NaN) : null,
        };
        return EpochTrainer.Fit(task, options ?? Defaults, progress, batchDone);
    }

    /// <summary>
    /// Minibatches of at most <paramref name="batchSize"/> pairs whose sources have one length, each with its number of
    /// real output tokens. With a random source the pairs are shuffled within each length and the batches shuffled;
    /// without one they come in a fixed order.
    /// </summary>
    public static IReadOnlyList<(TranslationBatch Batch, int Tokens)> Batches(Translator translator, IReadOnlyList<(string Input, string Output)> pairs,
        int batchSize, Random? random)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(pairs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var encoded = pairs.Select(p => (Source: translator.Source.Encode(p.Input), Target: translator.Target.Encode(p.Output))).ToArray();
        random?.Shuffle(encoded);
        var batches = new List<(TranslationBatch, int)>();
        foreach (var group in encoded.GroupBy(p => p.Source.Length).OrderBy(g => g.Key))
        {
            foreach (var chunk in group.Chunk(batchSize))
            {
                var batch = TranslationBatch.Of(chunk.Select(p => p.Source).ToList(), chunk.Select(p => p.Target).ToList(),
                    translator.Source.Count, translator.Target.Count);
                batches.Add((batch, chunk.Sum(p => p.Target.Length)));
            }
        }
        if (random is not null)
        {
            var shuffled = batches.ToArray();
            random.Shuffle(shuffled);
            return shuffled;
        }
        return batches;
    }
}
