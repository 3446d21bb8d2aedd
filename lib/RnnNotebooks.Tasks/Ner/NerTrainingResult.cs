namespace RnnNotebooks.Tasks;

/// <summary>What <see cref="NerTraining.Train"/> did.</summary>
/// <param name="Epochs">Every epoch run, in order.</param>
/// <param name="BestEpoch">The epoch whose parameters the tagger holds now: the best held-out F1 with early stopping, else the last.</param>
/// <param name="Seconds">The whole training, evaluation included.</param>
public sealed record NerTrainingResult(IReadOnlyList<NerEpoch> Epochs, int BestEpoch, double Seconds)
{
    /// <summary>The epoch the tagger's parameters come from.</summary>
    public NerEpoch Best => Epochs[BestEpoch - 1];
}
