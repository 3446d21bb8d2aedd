namespace RnnNotebooks.Tasks;

/// <summary>What one epoch of <see cref="NerTraining.Train"/> reached, as the progress callback and the result report it.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">The mean over the epoch's minibatches of L (each the mean loss per token), in nats.</param>
/// <param name="HeldOutLoss">The mean loss per token on the held-out sentences after the epoch; NaN without them.</param>
/// <param name="HeldOutF1">The entity-level F1 (exact span and type) on the held-out sentences after the epoch; NaN without them.</param>
/// <param name="Seconds">Seconds since training began, at the end of this epoch (evaluation included).</param>
public sealed record NerEpoch(int Epoch, double TrainLoss, double HeldOutLoss, double HeldOutF1, double Seconds);
