namespace RnnNotebooks.Tasks;

/// <summary>How <see cref="SentimentTraining.Train"/> trains a classifier; the defaults are what notebook 06 uses on the bundled set.</summary>
public sealed record SentimentTrainingOptions
{
    /// <summary>Passes over the training sentences.</summary>
    public int Epochs { get; init; } = 20;

    /// <summary>m, sentences per minibatch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Adam's learning rate alpha.</summary>
    public double LearningRate { get; init; } = 0.01;

    /// <summary>The largest global norm of all gradients together (dE and the RNN's) before a step.</summary>
    public double ClipNorm { get; init; } = 5;

    /// <summary>The probability that a training word is read as &lt;unk&gt;, so the model learns what to do with unseen words.</summary>
    public double WordDropout { get; init; } = 0.1;

    /// <summary>The probability that a value of a training word's vector x&lt;t&gt; is dropped (inverted dropout: the rest scaled by 1 / (1 - p)).</summary>
    public double EmbeddingDropout { get; init; }

    /// <summary>The seed of the shuffling and of both dropouts.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>
    /// Keep the parameters of the epoch with the best held-out accuracy (the first on a tie) instead of the last; needs
    /// held-out sentences.
    /// </summary>
    public bool KeepBest { get; init; } = true;
}
