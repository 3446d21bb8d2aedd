using System.Diagnostics;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The one training loop of the applications (d2l's <c>Trainer.fit</c>): for each epoch the task's shuffled minibatches,
/// a step per minibatch (the task's loss and gradients, clipping by the global norm, Adam's update), then the held-out
/// score, a progress callback, and early stopping that keeps the best epoch's parameters. One seeded generator serves the
/// whole run (shuffles and dropout, in that order), so the same seed gives the same bits.
/// </summary>
public static class EpochTrainer
{
    /// <summary>Trains the task's model in place.</summary>
    /// <param name="task">The task's parameters, minibatches, step and held-out score.</param>
    /// <param name="options">Epochs, m, alpha, clip norm, patience, keep-best, seed.</param>
    /// <param name="progress">Called once after every epoch, e.g. to print it.</param>
    /// <param name="batchDone">Called after every minibatch with the epoch (from 1) and the share of its minibatches done, for a progress bar.</param>
    /// <returns>Every epoch, and which one the model's parameters come from.</returns>
    /// <exception cref="ArgumentException">Options out of range, or early stopping without held-out data.</exception>
    /// <exception cref="NonFiniteException">A loss or gradient norm became NaN or infinite; the message names the epoch and minibatch.</exception>
    public static TrainingResult Fit<TBatch>(TrainingTask<TBatch> task, TrainingOptions options, Action<TrainingEpoch>? progress = null,
        Action<int, double>? batchDone = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(options);
        Check(task, options);
        var clock = Stopwatch.StartNew();
        var random = Seeds.Random(options.Seed);
        var optimizer = new Adam(options.LearningRate);
        var epochs = new List<TrainingEpoch>();
        double[][]? best = null;
        int bestEpoch = 0;
        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            double trainLoss = RunEpoch(task, epoch, optimizer, options, random, batchDone);
            var (loss, score) = task.Evaluate?.Invoke() ?? (double.NaN, double.NaN);
            var record = new TrainingEpoch(epoch, trainLoss, loss, score, clock.Elapsed.TotalSeconds);
            epochs.Add(record);
            progress?.Invoke(record);
            if (task.Evaluate is null || !options.KeepBest && options.Patience is null)
            {
                continue;
            }
            if (bestEpoch == 0 || Better(record, epochs[bestEpoch - 1]))
            {
                (best, bestEpoch) = (options.KeepBest ? Snapshot(task.Parameters) : null, epoch);
            }
            else if (epoch - bestEpoch >= options.Patience)
            {
                break;
            }
        }
        if (best is not null)
        {
            Restore(best, task.Parameters);
        }
        return new TrainingResult(epochs, best is null ? epochs.Count : bestEpoch, clock.Elapsed.TotalSeconds);
    }

    /// <summary>One pass over the epoch's minibatches; the weighted mean of their losses.</summary>
    private static double RunEpoch<TBatch>(TrainingTask<TBatch> task, int epoch, Adam optimizer, TrainingOptions options, Random random,
        Action<int, double>? batchDone)
    {
        var batches = task.Minibatches(options.BatchSize, random);
        double total = 0, weights = 0;
        for (int b = 0; b < batches.Count; b++)
        {
            var (loss, weight) = Step(task, batches[b], epoch, b + 1, batches.Count, optimizer, options.ClipNorm, random);
            total += loss * weight;
            weights += weight;
            batchDone?.Invoke(epoch, (b + 1) / (double)batches.Count);
        }
        return total / weights;
    }

    /// <summary>The task's loss and gradients, then g = clip(g) and Adam's update of the parameters.</summary>
    private static (double Loss, double Weight) Step<TBatch>(TrainingTask<TBatch> task, TBatch batch, int epoch, int b, int count,
        Adam optimizer, double clipNorm, Random random)
    {
        (double Loss, double Weight) result;
        try
        {
            result = task.LossAndGradients(batch, random);
        }
        catch (NonFiniteException e)
        {
            throw new NonFiniteException(e.Quantity, e.TimeStep, $"Training stopped in {Where(epoch, b, count)}: {e.Message}");
        }
        if (!double.IsFinite(result.Loss))
        {
            throw Diverged("loss", $"the loss is {result.Loss}", Where(epoch, b, count));
        }
        var gradients = task.Gradients();
        double norm = GradientClipping.ByGlobalNorm(gradients, clipNorm); // ||g|| before clipping
        if (!double.IsFinite(norm))
        {
            throw Diverged("gradient", $"the gradient norm is {norm}", Where(epoch, b, count));
        }
        optimizer.Step(task.Parameters, gradients);
        return result;
    }

    /// <summary>The task's score decides when it has one (higher is better), else the held-out loss (lower is better); a tie keeps the earlier.</summary>
    private static bool Better(TrainingEpoch epoch, TrainingEpoch best) =>
        double.IsNaN(best.HeldOutScore) ? epoch.HeldOutLoss < best.HeldOutLoss : epoch.HeldOutScore > best.HeldOutScore;

    private static double[][] Snapshot(IReadOnlyList<ParameterView> parameters) => parameters.Select(p => (double[])p.Values.Clone()).ToArray();

    private static void Restore(double[][] snapshot, IReadOnlyList<ParameterView> parameters)
    {
        for (int i = 0; i < parameters.Count; i++)
        {
            snapshot[i].CopyTo(parameters[i].Values, 0);
        }
    }

    private static string Where(int epoch, int b, int count) => $"epoch {epoch}, minibatch {b} of {count}";

    private static NonFiniteException Diverged(string quantity, string detail, string where) =>
        new(quantity, null, $"Training stopped in {where}: {detail}. Lower the learning rate or the clip norm (TrainingOptions.ClipNorm).");

    private static void Check<TBatch>(TrainingTask<TBatch> task, TrainingOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Epochs, "options.Epochs");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.BatchSize, "options.BatchSize");
        if (!(options.LearningRate > 0) || !double.IsFinite(options.LearningRate))
        {
            throw new ArgumentOutOfRangeException("options.LearningRate", options.LearningRate, "the learning rate must be finite and > 0.");
        }
        if (!(options.ClipNorm > 0))
        {
            throw new ArgumentOutOfRangeException("options.ClipNorm", options.ClipNorm, "the clip norm must be > 0.");
        }
        if (options.Patience is int patience)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(patience, "options.Patience");
            if (task.Evaluate is null)
            {
                throw new ArgumentException("early stopping (options.Patience) needs held-out data to score; there is none.", nameof(task));
            }
        }
    }
}
