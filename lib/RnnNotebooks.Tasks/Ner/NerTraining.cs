using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Trains a <see cref="NerTagger"/> on <see cref="EpochTrainer.Fit"/> (Adam over shuffled minibatches, clipping by the
/// global norm) and scores it on held-out sentences after every epoch (loss and entity F1 with <see cref="EntityScorer"/>).
/// <para>
/// Minibatches: <see cref="LengthPooledBatches"/> (shuffled, pools of 8 minibatches sorted by length, the minibatches
/// shuffled), from one seeded <see cref="Random"/> for the whole run. The same seed gives the same bits.
/// </para>
/// </summary>
public static class NerTraining
{
    /// <summary>Trains <paramref name="tagger"/> in place with <see cref="EpochTrainer.Fit"/>.</summary>
    /// <param name="tagger">The tagger, e.g. from <see cref="NerTagger.Create"/>.</param>
    /// <param name="train">The training sentences.</param>
    /// <param name="heldOut">Sentences to score after each epoch (a dev split for early stopping); null or empty for none.</param>
    /// <param name="options">Epochs, batch size, learning rate, clipping, seed, patience, dropouts; null for the defaults.</param>
    /// <param name="progress">Called after every epoch, e.g. to print or plot it; its score is the held-out entity F1.</param>
    /// <exception cref="ArgumentException">No training sentences, or early stopping without held-out sentences.</exception>
    public static TrainingResult Train(NerTagger tagger, IReadOnlyList<NerSentence> train, IReadOnlyList<NerSentence>? heldOut = null,
        NerTrainingOptions? options = null, Action<TrainingEpoch>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(train);
        options ??= new NerTrainingOptions();
        Check(train, heldOut, options);
        IReadOnlySet<int> singletons = options.SingletonDropout > 0 ? tagger.Words.SingletonIds(train.Select(s => s.Tokens)) : new HashSet<int>();
        var replacement = options.MentionReplacement > 0 ? new MentionReplacement(train) : null;
        var task = new TrainingTask<NerSentence[]>
        {
            Parameters = tagger.Tensors,
            Gradients = () => tagger.GradientTensors,
            Minibatches = (m, random) => Minibatches(train, m, random),
            LossAndGradients = (batch, random) =>
            {
                var sentences = replacement is null ? batch : batch.Select(s => replacement.Apply(s, options.MentionReplacement, random)).ToArray();
                return (tagger.ComputeGradients(sentences, options.WordDropout, random, options.InputDropout, singletons, options.SingletonDropout), 1);
            },
            Evaluate = heldOut is { Count: > 0 } ? () => Evaluate(tagger, heldOut) : null,
        };
        return EpochTrainer.Fit(task, options with { KeepBest = options.Patience is not null }, progress); // no patience: keep the last epoch
    }

    /// <summary>The mean loss per token and the entity-level F1 of the tagger on tagged sentences.</summary>
    /// <param name="tagger">The tagger.</param>
    /// <param name="sentences">Tagged sentences.</param>
    public static (double Loss, double F1) Evaluate(NerTagger tagger, IReadOnlyList<NerSentence> sentences)
    {
        ArgumentNullException.ThrowIfNull(tagger);
        ArgumentNullException.ThrowIfNull(sentences);
        var (loss, predicted) = tagger.LossAndPredictions(sentences); // one forward pass for both
        return (loss, EntityScorer.Score(sentences, predicted).Micro.F1);
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
        return LengthPooledBatches.Indices(sentences.Count, i => sentences[i].Length, batchSize, random)
            .Select(batch => batch.Select(i => sentences[i]).ToArray())
            .ToArray();
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
