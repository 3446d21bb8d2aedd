namespace RnnNotebooks.Tasks;

/// <summary>What <see cref="SentimentTraining.Train"/> did.</summary>
/// <param name="Epochs">Every epoch run, in order.</param>
/// <param name="BestEpoch">The epoch whose parameters the classifier holds now.</param>
/// <param name="Seconds">The whole training, evaluation included.</param>
public sealed record SentimentTrainingResult(IReadOnlyList<SentimentEpoch> Epochs, int BestEpoch, double Seconds);
