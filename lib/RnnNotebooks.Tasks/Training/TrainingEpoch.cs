namespace RnnNotebooks.Tasks;

/// <summary>What one epoch of <see cref="EpochTrainer.Fit"/> reached, as the progress callback and the result report it.</summary>
/// <param name="Epoch">1-based.</param>
/// <param name="TrainLoss">The task's training loss over the epoch's minibatches, each weighted as the task says (per sentence, per token), in nats.</param>
/// <param name="HeldOutLoss">The task's loss on the held-out data after the epoch; NaN without held-out data.</param>
/// <param name="HeldOutScore">
/// The task's held-out score after the epoch, higher is better (sentiment: accuracy; NER: entity F1); NaN without held-out
/// data or for a task that is judged by its loss alone (translation, the token language models).
/// </param>
/// <param name="Seconds">Seconds since training began, at the end of this epoch (evaluation included).</param>
public sealed record TrainingEpoch(int Epoch, double TrainLoss, double HeldOutLoss, double HeldOutScore, double Seconds);
