namespace RnnNotebooks.Tasks;

/// <summary>How <see cref="TokenLanguageModel.Train"/> trains: Adam on padded minibatches, the mean loss per token, clipping.</summary>
public sealed record TokenTrainingOptions
{
    /// <summary>Passes over the training sequences.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>m, sequences per minibatch.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>The gradient's global norm is clipped to this.</summary>
    public double ClipNorm { get; init; } = 5;

    /// <summary>The seed of the shuffling.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// With held-out sequences: stop when their loss has not improved for this many epochs, and keep the parameters of
    /// the best epoch.
    /// </summary>
    public int Patience { get; init; } = 4;
}
