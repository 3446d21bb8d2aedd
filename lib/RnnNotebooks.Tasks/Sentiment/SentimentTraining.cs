using System.Diagnostics;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="SentimentClassifier"/> with Adam over shuffled minibatches (each of sentences of similar length,
/// so little padding), clipping by the global norm and with word dropout, and scores it on held-out sentences after every
/// epoch. The same seed gives the same bits.
/// </summary>
public static class SentimentTraining
{
    private const int PoolBatches = 8;

    /// <summary>Trains <paramref name="classifier"/> in place.</summary>
    /// <param name="classifier">The classifier, e.g. from <see cref="SentimentClassifier.Create"/>.</param>
    /// <param name="train">The training sentences (each with at least one token).</param>
    /// <param name="heldOut">Sentences to score after each epoch (a dev split); null or empty for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, dropout, seed; null for the defaults.</param>
    /// <param name="progress">Called after every epoch, e.g. to print it.</param>
    /// <exception cref="ArgumentException">No training sentences, or a sentence without tokens (named by index).</exception>
    public static SentimentTrainingResult Train(SentimentClassifier classifier, IReadOnlyList<SentimentExample> train,
        IReadOnlyList<SentimentExample>? heldOut = null, SentimentTrainingOptions? options = null, Action<SentimentEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SentimentTrainingOptions();
        Check(train, options);
        var clock = Stopwatch.StartNew();
        var random = Seeds.Random(options.Seed);
        var optimizer = new Adam(options.LearningRate);
        var epochs = new List<SentimentEpoch>();
        double[][]? best = null;
        int bestEpoch = 0;
        bool scored = heldOut is { Count: > 0 };
        var tokens = train.Select(e => SentimentTokenizer.Tokenize(e.Text)).ToArray(); // once, not at every epoch
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double trainLoss = RunEpoch(classifier, Minibatches(tokens, options.BatchSize, random), tokens, train, optimizer, options, random);
            var (loss, accuracy) = scored ? Evaluate(classifier, heldOut!) : (double.NaN, double.NaN);
            var record = new SentimentEpoch(epoch, trainLoss, loss, accuracy, clock.Elapsed.TotalSeconds);
            epochs.Add(record);
            progress?.Invoke(record);
            if (options.KeepBest && scored && (bestEpoch == 0 || accuracy > epochs[bestEpoch - 1].HeldOutAccuracy))
            {
                (best, bestEpoch) = (classifier.Tensors.Select(t => (double[])t.Values.Clone()).ToArray(), epoch);
            }
        }
        if (best is not null)
        {
            var tensors = classifier.Tensors;
            for (int i = 0; i < tensors.Count; i++)
            {
                best[i].CopyTo(tensors[i].Values, 0);
            }
        }
        return new SentimentTrainingResult(epochs, best is null ? epochs.Count : bestEpoch, clock.Elapsed.TotalSeconds);
    }

    /// <summary>The mean loss per sentence and the accuracy of the classifier on labelled sentences.</summary>
    /// <param name="classifier">The classifier.</param>
    /// <param name="examples">Labelled sentences, each with at least one token.</param>
    public static (double Loss, double Accuracy) Evaluate(SentimentClassifier classifier, IReadOnlyList<SentimentExample> examples)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(examples);
        var texts = examples.Select(e => e.Text).ToList();
        var labels = examples.Select(e => e.Label).ToList();
        return (classifier.Loss(texts, labels), Confusion(classifier.Classify(texts), examples).Accuracy);
    }

    /// <summary>The confusion matrix of predicted labels against the examples' labels.</summary>
    /// <param name="predicted">One label per example.</param>
    /// <param name="examples">The labelled examples.</param>
    public static BinaryConfusion Confusion(IReadOnlyList<int> predicted, IReadOnlyList<SentimentExample> examples)
    {
        ArgumentNullException.ThrowIfNull(examples);
        return BinaryConfusion.Of(examples.Select(e => e.Label).ToList(), predicted);
    }

    /// <summary>The minibatches of one epoch, as indices: shuffled, pools of 8 minibatches sorted by length, cut, the minibatches shuffled.</summary>
    /// <param name="tokens">The tokens of each training sentence.</param>
    /// <param name="batchSize">m, sentences per minibatch.</param>
    /// <param name="random">The run's seeded generator (one for every epoch).</param>
    public static int[][] Minibatches(IReadOnlyList<IReadOnlyList<string>> tokens, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        ArgumentNullException.ThrowIfNull(random);
        var order = Enumerable.Range(0, tokens.Count).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize * PoolBatches)
            .SelectMany(pool => pool.OrderBy(i => tokens[i].Count).Chunk(batchSize))
            .ToArray();
        random.Shuffle(batches);
        return batches;
    }

    private static double RunEpoch(SentimentClassifier classifier, int[][] batches, IReadOnlyList<string>[] tokens,
        IReadOnlyList<SentimentExample> train, IOptimizer optimizer, SentimentTrainingOptions options, Random random)
    {
        double total = 0;
        foreach (var batch in batches)
        {
            total += classifier.TrainStepOnTokens(batch.Select(i => tokens[i]).ToList(), batch.Select(i => train[i].Label).ToList(), optimizer, options, random);
        }
        return total / batches.Length;
    }

    private static void Check(IReadOnlyList<SentimentExample> train, SentimentTrainingOptions options)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sentences.", nameof(train));
        }
        for (int i = 0; i < train.Count; i++)
        {
            if (SentimentTokenizer.Tokenize(train[i].Text).Count == 0)
            {
                throw new ArgumentException($"training sentence {i} ('{train[i].Text}') has no tokens.", nameof(train));
            }
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Epochs, "options.Epochs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, "options.BatchSize");
    }
}
