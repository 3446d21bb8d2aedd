namespace RnnNotebooks.Tasks;

/// <summary>One epoch of <see cref="TokenLanguageModel.Train"/>.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">Mean cross-entropy per target token on the training sequences (during the epoch).</param>
/// <param name="HeldOutLoss">Mean negative log-likelihood per target token of the held-out sequences after it, or NaN without any.</param>
/// <param name="Seconds">Seconds since training started.</param>
public readonly record struct TokenEpoch(int Epoch, double TrainLoss, double HeldOutLoss, double Seconds);
