namespace RnnNotebooks.Tasks;

/// <summary>
/// What a task gives <see cref="EpochTrainer.Fit"/> (d2l's model and data in one): its parameters, its minibatches, the
/// loss and gradients of one minibatch, and how it scores held-out data. The loop owns the rest: the epochs, the seeded
/// generator, clipping, Adam, early stopping and the record of every epoch.
/// </summary>
/// <typeparam name="TBatch">One minibatch, in whatever form the task's step reads.</typeparam>
public sealed class TrainingTask<TBatch>
{
    /// <summary>The parameters Adam updates and early stopping snapshots, in a fixed order.</summary>
    public required IReadOnlyList<ParameterView> Parameters { get; init; }

    /// <summary>The gradients the last <see cref="LossAndGradients"/> wrote, in the order of <see cref="Parameters"/>.</summary>
    public required Func<IReadOnlyList<ParameterView>> Gradients { get; init; }

    /// <summary>One epoch's minibatches from m (the batch size) and the run's generator: the task shuffles and cuts them.</summary>
    public required Func<int, Random, IReadOnlyList<TBatch>> Minibatches { get; init; }

    /// <summary>
    /// Forward, loss and backward of one minibatch into <see cref="Gradients"/>, drawing any dropout from the run's generator;
    /// returns the minibatch's loss L and its weight in the epoch's mean (1 for a mean per minibatch, its token count for a
    /// mean per token).
    /// </summary>
    public required Func<TBatch, Random, (double Loss, double Weight)> LossAndGradients { get; init; }

    /// <summary>
    /// The held-out loss and score (higher is better; NaN when the task is judged by its loss alone) after an epoch; null
    /// without held-out data.
    /// </summary>
    public Func<(double Loss, double Score)>? Evaluate { get; init; }
}
