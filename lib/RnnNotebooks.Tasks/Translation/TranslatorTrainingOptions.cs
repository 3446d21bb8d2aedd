namespace RnnNotebooks.Tasks;

/// <summary>How <see cref="TranslatorTraining"/> trains.</summary>
public sealed record TranslatorTrainingOptions
{
    /// <summary>Passes over the training pairs.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>m, the pairs per minibatch (at most: a minibatch holds sources of one length).</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate.</summary>
    public double LearningRate { get; init; } = 0.005;

    /// <summary>The gradient's global norm is clipped to this.</summary>
    public double ClipNorm { get; init; } = 5.0;

    /// <summary>Seed of the shuffling.</summary>
    public int Seed { get; init; } = 1;
}
