namespace RnnNotebooks.Data;

/// <summary>The labelled sentences read from one source (a site's file, a split), and the records left out with their place.</summary>
/// <param name="Name">The source: "amazon", "imdb", "yelp", "train", ...</param>
/// <param name="Examples">The sentences with a text and a label 0 or 1, in file order.</param>
/// <param name="Skipped">The records without a text or a label, in file order.</param>
public sealed record SentimentSet(string Name, IReadOnlyList<SentimentExample> Examples, IReadOnlyList<SkippedRecord> Skipped)
{
    /// <summary>The number of positive examples.</summary>
    public int Positives => Examples.Count(e => e.Label == 1);
}
