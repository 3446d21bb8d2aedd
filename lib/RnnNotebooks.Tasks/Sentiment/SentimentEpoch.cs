namespace RnnNotebooks.Tasks;

/// <summary>What one epoch of <see cref="SentimentTraining.Train"/> reached.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">The mean over the epoch's minibatches of L (the mean loss per sentence), in nats.</param>
/// <param name="HeldOutLoss">The mean loss per sentence on the held-out sentences after the epoch; NaN without them.</param>
/// <param name="HeldOutAccuracy">The share of held-out sentences classified right after the epoch; NaN without them.</param>
/// <param name="Seconds">Seconds since training began, at the end of this epoch.</param>
public sealed record SentimentEpoch(int Epoch, double TrainLoss, double HeldOutLoss, double HeldOutAccuracy, double Seconds);
