namespace RnnNotebooks.Data;

/// <summary>The generated dates: a training set and the three parts of the held-out split.</summary>
/// <param name="Train">Training pairs: training forms, years in <see cref="DateCorpus.TrainingYears"/> (1600 .. 2199 but for the unseen years).</param>
/// <param name="Test">Held out, like training: training forms and years, none of their source strings in training.</param>
/// <param name="UnseenYears">Held out: training forms, years outside the training range.</param>
/// <param name="UnseenFormats">Held out: forms never seen in training (<see cref="DateFormats.HeldOut"/>), training years.</param>
public sealed record DateSplits(IReadOnlyList<DatePair> Train, IReadOnlyList<DatePair> Test, IReadOnlyList<DatePair> UnseenYears,
    IReadOnlyList<DatePair> UnseenFormats)
{
    /// <summary>The held-out split whose forms training saw: <see cref="Test"/> then <see cref="UnseenYears"/>.</summary>
    public IReadOnlyList<DatePair> HeldOutSeenFormats => [.. Test, .. UnseenYears];
}
