namespace RnnNotebooks.Data;

/// <summary>One labelled sentence: a short review and whether it is positive.</summary>
/// <param name="Text">The sentence as written (trimmed), at least one non-space character.</param>
/// <param name="Label">1 for positive, 0 for negative: the target y of the last step.</param>
/// <param name="Kind">
/// How the bundled set built it (see <see cref="SentimentKinds"/>: plain, intensified, hedged, negated, contrast), so a
/// notebook can score each kind; null for real data, which says nothing of the kind.
/// </param>
public sealed record SentimentExample(string Text, int Label, string? Kind = null);
