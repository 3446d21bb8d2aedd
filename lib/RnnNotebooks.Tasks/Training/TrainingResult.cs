namespace RnnNotebooks.Tasks;

/// <summary>What <see cref="EpochTrainer.Fit"/> did.</summary>
/// <param name="Epochs">Every epoch run, in order (fewer than asked for when early stopping stopped it).</param>
/// <param name="BestEpoch">The epoch whose parameters the model holds now: the best held-out epoch when kept, else the last.</param>
/// <param name="Seconds">The whole training, evaluation included.</param>
public sealed record TrainingResult(IReadOnlyList<TrainingEpoch> Epochs, int BestEpoch, double Seconds)
{
    /// <summary>The epoch the model's parameters come from.</summary>
    public TrainingEpoch Best => Epochs[BestEpoch - 1];
}
