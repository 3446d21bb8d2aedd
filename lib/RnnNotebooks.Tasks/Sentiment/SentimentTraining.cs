using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="SentimentClassifier"/> through <see cref="EpochTrainer"/> (Adam over shuffled minibatches, clipping by
/// the global norm): the task's own parts are its minibatches of sentences of similar length (little padding), word and
/// embedding dropout, and the held-out accuracy that picks the best epoch. The same seed gives the same bits.
/// </summary>
public static class SentimentTraining
{
    /// <summary>Trains <paramref name="classifier"/> in place.</summary>
    /// <param name="classifier">The classifier, e.g. from <see cref="SentimentClassifier.Create"/>.</param>
    /// <param name="train">The training sentences (each with at least one token).</param>
    /// <param name="heldOut">Sentences to score after each epoch (a dev split); null or empty for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, dropout, seed; null for the defaults.</param>
    /// <param name="progress">Called after every epoch, e.g. to print it; its score is the held-out accuracy.</param>
    /// <exception cref="ArgumentException">No training sentences, or a sentence without tokens (named by index).</exception>
    public static TrainingResult Train(SentimentClassifier classifier, IReadOnlyList<SentimentExample> train,
        IReadOnlyList<SentimentExample>? heldOut = null, SentimentTrainingOptions? options = null, Action<TrainingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new SentimentTrainingOptions();
        var tokens = Tokens(train);
        var task = new TrainingTask<int[]>
        {
            Parameters = classifier.Tensors,
            Gradients = () => classifier.GradientTensors,
            Minibatches = (m, random) => Minibatches(tokens, m, random),
            LossAndGradients = (batch, random) => (classifier.ComputeGradientsOnTokens(batch.Select(i => tokens[i]).ToList(),
                batch.Select(i => train[i].Label).ToList(), options, random), 1),
            Evaluate = heldOut is { Count: > 0 } ? () => Evaluate(classifier, heldOut) : null,
        };
        return EpochTrainer.Fit(task, options, progress);
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
        return LengthPooledBatches.Indices(tokens.Count, i => tokens[i].Count, batchSize, random);
    }

    /// <summary>Each training sentence's tokens, once for the whole run.</summary>
    private static IReadOnlyList<string>[] Tokens(IReadOnlyList<SentimentExample> train)
    {
        if (train.Count == 0)
        {
            throw new ArgumentException("no training sentences.", nameof(train));
        }
        var tokens = train.Select(e => SentimentTokenizer.Tokenize(e.Text)).ToArray();
        int empty = Array.FindIndex(tokens, t => t.Count == 0);
        if (empty >= 0)
        {
            throw new ArgumentException($"training sentence {empty} ('{train[empty].Text}') has no tokens.", nameof(train));
        }
        return tokens;
    }
}
