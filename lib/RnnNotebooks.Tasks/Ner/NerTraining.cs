using System.Diagnostics;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="NerTagger"/> with Adam over shuffled minibatches, clipping by the global norm, and scores it on
/// held-out sentences after every epoch (loss and entity F1 with <see cref="EntityScorer"/>).
/// <para>
/// Minibatches: each epoch shuffles the sentences (one seeded <see cref="Random"/> for the whole run), sorts each pool
/// of 8 minibatches' worth by length so a minibatch holds sentences of similar length (little padding, which costs time
/// but changes nothing else), then shuffles the order of the minibatches. The same seed gives the same bits.
/// </para>
/// </summary>
public static class NerTraining
{
    private const int PoolBatches = 8;

    /// <summary>Trains <paramref name="tagger"/> in place.</summary>
    /// <param name="tagger">The tagger, e.g. from <see cref="NerTagger.Create"/>.</param>
    /// <param name="train">The training sentences.</param>
    /// <param name="heldOut">Sentences to score after each epoch (a dev split for early stopping); null or empty for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, seed, patience; null for the defaults.</param>
    /// <param name="progress">Called after every epoch, e.g. to print or plot it.</param>
    /// <exception cref="ArgumentException">No training sentences, or early stopping without held-out sentences.</exception>
    public static NerTrainingResult Train(NerTagger tagger, IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? heldOut = null,
        NerTrainingOptions? options = null, Action<NerEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NerTrainingOptions();
        Check(train, heldOut, options);
        var clock = Stopwatch.StartNew();
        var random = Seeds.Random(options.Seed);
        var optimizer = new Adam(options.LearningRate);
        var epochs = new List<NerEpoch>();
        IReadOnlySet<int> singletons = options.SingletonDropout > 0 ? tagger.Words.SingletonIds(train.Select(s => s.Tokens)) : new HashSet<int>();
        var replacement = options.MentionReplacement > 0 ? new MentionReplacement(train) : null;
        double[][]? best = null;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double trainLoss = RunEpoch(tagger, Minibatches(train, options.BatchSize, random), optimizer, options, random, singletons, replacement);
            var (loss, f1) = heldOut is { Count: > 0 } ? Evaluate(tagger, heldOut) : (double.NaN, double.NaN);
            var record = new NerEpoch(epoch, trainLoss, loss, f1, clock.Elapsed.TotalSeconds);
            epochs.Add(record);
            progress?.Invoke(record);
            if (options.Patience is not int patience)
            {
                continue;
            }
            if (bestEpoch == 0 || f1 > epochs[bestEpoch - 1].HeldOutF1)
            {
                (best, bestEpoch) = (Snapshot(tagger), epoch);
            }
            else if (epoch - bestEpoch >= patience)
            {
                break;
            }
        }
        if (best is not null)
        {
            Restore(tagger, best);
        }
        return new NerTrainingResult(epochs, best is null ? epochs.Count : bestEpoch, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The mean loss per token and the entity-level F1 of the tagger on tagged sentences.</summary>
    /// <param name="tagger">The tagger.</param>
    /// <param name="sentences">Tagged sentences.</param>
    public static (double Loss, double F1) Evaluate(NerTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        var predicted = tagger.Predict(sentences.Select(s => s.Tokens).ToList());
        return (tagger.Loss(sentences), EntityScorer.Score(sentences, predicted).Micro.F1);
    }

    /// <summary>
    /// The minibatches of one epoch: shuffled, pools of 8 minibatches sorted by length, cut, the minibatches shuffled.
    /// </summary>
    /// <param name="sentences">The training sentences.</param>
    /// <param name="batchSize">m; the last minibatch of a pool may be smaller.</param>
    /// <param name="random">The run's random source (advanced).</param>
    public static IReadOnlyList<NerSentence[]> Minibatches(IReadOnlyList<NerSentence> sentences, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Enumerable.Range(0, sentences.Count).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize * PoolBatches)
            .SelectMany(pool => pool.OrderBy(i => sentences[i].Length).Chunk(batchSize))
            .Select(chunk => chunk.Select(i => sentences[i]).ToArray())
            .ToArray();
        random.Shuffle(batches);
        return batches;
    }

    private static double RunEpoch(NerTagger tagger, IReadOnlyList<NerSentence[]> batches, IOptimizer optimizer, NerTrainingOptions options, Random random,
        IReadOnlySet<int> singletons, MentionReplacement? replacement)
    {
        double total = 0;
        foreach (var batch in batches)
        {
            var sentences = replacement is null ? batch : batch.Select(s => replacement.Apply(s, options.MentionReplacement, random)).ToArray();
            total += tagger.TrainStep(sentences, optimizer, options.ClipNorm, options.WordDropout, random, options.InputDropout,
                singletons, options.SingletonDropout);
        }
        return total / batches.Count;
    }

    private static double[][] Snapshot(NerTagger tagger) => tagger.Tensors.Select(t => (double[])t.Values.Clone()).ToArray();

    private static void Restore(NerTagger tagger, double[][] values)
    {
        var tensors = tagger.Tensors;
        for (int i = 0; i < tensors.Count; i++)
        {
            values[i].CopyTo(tensors[i].Values, 0);
        }
    }

    private static void Check(IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? heldOut, NerTrainingOptions options)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sentences.", nameof(train));
        }
        if (options.Patience is not null && heldOut is not { Count: > 0 })
        {
            throw new ArgumentException("early stopping (Patience) needs held-out sentences to score; heldOut is empty.", nameof(heldOut));
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Epochs, "options.Epochs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, "options.BatchSize");
    }
}
