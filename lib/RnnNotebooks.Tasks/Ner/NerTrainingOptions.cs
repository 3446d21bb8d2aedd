namespace RnnNotebooks.Tasks;

/// <summary>
/// How <see cref="NerTraining.Train"/> trains a tagger: the loop's <see cref="TrainingOptions"/> (epochs, alpha, clip norm,
/// seed, patience) with m = 16 sentences per minibatch, and what is NER's own: word, singleton and input dropout and
/// mention replacement, all drawn from the run's one seeded generator. The defaults are what notebook 04 uses. Patience
/// (early stopping on the held-out entity F1) also keeps the best epoch's parameters; without it the last are kept.
/// </summary>
public sealed record NerTrainingOptions : TrainingOptions
{
    /// <summary>Options with m = 16 sentences per minibatch.</summary>
    public NerTrainingOptions() => BatchSize = 16;

    /// <summary>
    /// Word dropout: the probability that a training token's word is read as &lt;unk&gt; (its suffix and features stay), so
    /// E's unknown column and the RNN learn to tag by form and context, as they must for unseen words.
    /// </summary>
    public double WordDropout { get; init; }

    /// <summary>
    /// Singleton dropout: the probability that a training token whose word occurs only once in the training sentences is
    /// read as &lt;unk&gt; (in place of <see cref="WordDropout"/> for those words; Lample et al. 2016 use 0.5). It matters only when
    /// such words have ids of their own (<see cref="NerTaggerOptions.MinWordCount"/> = 1): they then keep a vector for the
    /// test text, and &lt;unk&gt; still learns from the rare words that unseen words resemble. 0: singletons are dropped like
    /// every other word, with <see cref="WordDropout"/>.
    /// </summary>
    public double SingletonDropout { get; init; }

    /// <summary>
    /// Input dropout: the probability that a value of x&lt;t&gt; (word and suffix vectors, features, characters' r) is set to 0 in
    /// training, the rest scaled by 1 / (1 - p), so the tagger cannot lean on one feature alone (Lample et al. 2016 use 0.5).
    /// </summary>
    public double InputDropout { get; init; }

    /// <summary>
    /// Mention replacement (<see cref="Tasks.MentionReplacement"/>): the probability that an entity of a training sentence is
    /// replaced, for one step, by another mention of its type from the training sentences; 0: none.
    /// </summary>
    public double MentionReplacement { get; init; }
}
