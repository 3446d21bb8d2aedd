namespace RnnNotebooks.Tasks;

/// <summary>
/// How <see cref="SentimentTraining.Train"/> trains a classifier: the shared <see cref="TrainingOptions"/> (20 epochs here)
/// and the task's own dropout; the defaults are what notebook 06 uses on the bundled set.
/// </summary>
public sealed record SentimentTrainingOptions : TrainingOptions
{
    /// <summary>The defaults: 20 epochs, the rest as <see cref="TrainingOptions"/>.</summary>
    public SentimentTrainingOptions()
    {
        Epochs = 20;
    }

    /// <summary>The probability that a training word is read as &lt;unk&gt;, so the model learns what to do with unseen words.</summary>
    public double WordDropout { get; init; } = 0.1;

    /// <summary>The probability that a value of a training word's vector x&lt;t&gt; is dropped (inverted dropout: the rest scaled by 1 / (1 - p)).</summary>
    public double EmbeddingDropout { get; init; }
}
