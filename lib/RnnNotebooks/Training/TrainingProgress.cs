namespace RnnNotebooks;

/// <summary>What a <see cref="Trainer"/> reports after each update.</summary>
/// <param name="Step">Updates so far, 1-based.</param>
/// <param name="Epoch">1-based epoch (1 when training without epochs).</param>
/// <param name="Batch">1-based index of the batch within the epoch.</param>
/// <param name="Loss">The loss L of this batch before the update (summed over its chunks).</param>
/// <param name="GradientNorm">Global gradient norm before clipping (of the last chunk under truncation).</param>
public readonly record struct TrainingProgress(int Step, int Epoch, int Batch, double Loss, double GradientNorm);
