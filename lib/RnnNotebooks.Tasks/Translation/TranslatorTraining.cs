using System.Diagnostics;
using RnnNotebooks;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="Translator"/> with teacher forcing: Adam over shuffled minibatches of sources of one length,
/// the gradient clipped by its global norm, the loss the mean cross-entropy per output token.
/// </summary>
public static class TranslatorTraining
{
    /// <summary>Trains in place; returns one record per epoch.</summary>
    /// <param name="translator">The translator.</param>
    /// <param name="train">(input, output) training pairs.</param>
    /// <param name="heldOut">Pairs whose loss is printed after every epoch; null for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, seed.</param>
    /// <param name="progress">Called after every epoch.</param>
    /// <param name="batchDone">Called after every minibatch with the epoch (from 1) and the share of its minibatches done, for a progress bar.</param>
    public static IReadOnlyList<TranslatorEpoch> Train(Translator translator, IReadOnlyList<(string Input, string Output)> train,
        IReadOnlyList<(string Input, string Output)>? heldOut = null, TranslatorTrainingOptions? options = null, Action<TranslatorEpoch>? progress = null,
        Action<int, double>? batchDone = null)
    {
        ArgumentNullException.ThrowIfNull(translator);
        ArgumentNullException.ThrowIfNull(train);
        if (train.Count == 0)
        {
            throw new ArgumentException("train holds no pairs.", nameof(train));
        }
        options ??= new TranslatorTrainingOptions();
        var random = Seeds.Random(options.Seed);
        var optimizer = new Adam(options.LearningRate);
        var model = translator.Model;
        var parameters = model.Tensors;
        var clock = Stopwatch.StartNew();
        var epochs = new List<TranslatorEpoch>();
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double total = 0;
            int tokens = 0, done = 0;
            var batches = Batches(translator, train, options.BatchSize, random);
            foreach (var (batch, count) in batches)
            {
                total += model.LossAndGradients(batch.X, batch.YIn, batch.Y) * count;
                tokens += count;
                var gradients = model.GradientTensors;
                GradientClipping.ByGlobalNorm(gradients, options.ClipNorm);
                optimizer.Step(parameters, gradients);
                batchDone?.Invoke(epoch, ++done / (double)batches.Count);
            }
            double heldOutLoss = heldOut is { Count: > 0 } ? translator.MeanLoss(heldOut) : double.NaN;
            var record = new TranslatorEpoch(epoch, total / tokens, heldOutLoss, clock.Elapsed.TotalSeconds);
            epochs.Add(record);
            progress?.Invoke(record);
        }
        return epochs;
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
