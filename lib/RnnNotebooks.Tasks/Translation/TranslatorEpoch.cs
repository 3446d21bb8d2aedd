namespace RnnNotebooks.Tasks;

/// <summary>One epoch of <see cref="TranslatorTraining"/>.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean cross-entropy per output token over the epoch's minibatches.</param>
/// <param name="HeldOutLoss">Mean cross-entropy per output token on the held-out pairs (NaN without them).</param>
/// <param name="Seconds">Seconds since training began.</param>
public sealed record TranslatorEpoch(int Epoch, double TrainLoss, double HeldOutLoss, double Seconds);
