namespace RnnNotebooks.Tasks;

/// <summary>
/// How <see cref="EpochTrainer.Fit"/> trains, for every application: epochs, m, Adam's alpha, clipping, early stopping,
/// seed. A task that needs more (dropout, say) derives its own record and adds only that.
/// </summary>
public record TrainingOptions
{
    /// <summary>The most passes over the training data.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>m, examples per minibatch (at most: a task may cut smaller ones).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate alpha.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>The largest global norm of all gradients together before a step: g = g * ClipNorm / ||g|| above it.</summary>
    public double ClipNorm { get; init; } = 5;

    /// <summary>
    /// Early stopping: stop after this many epochs without a better held-out result. Null runs every epoch. Needs
    /// held-out data.
    /// </summary>
    public int? Patience { get; init; }

    /// <summary>
    /// With held-out data, leave the model with the parameters of its best epoch (the first on a tie) instead of the last.
    /// </summary>
    public bool KeepBest { get; init; } = true;

    /// <summary>The seed of everything random in training: the shuffling and the task's dropout. The same seed gives the same bits.</summary>
    public int Seed { get; init; } = 1;
}
