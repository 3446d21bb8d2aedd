namespace RnnNotebooks.Data;

/// <summary>A sentiment corpus split into training, development and test sentences.</summary>
/// <param name="Train">The sentences to train on.</param>
/// <param name="Dev">The sentences to watch during training (validation curves).</param>
/// <param name="Test">The held-out sentences, for the final figures only.</param>
public sealed record SentimentSplits(IReadOnlyList<SentimentExample> Train, IReadOnlyList<SentimentExample> Dev, IReadOnlyList<SentimentExample> Test);
