namespace RnnNotebooks.Data;

/// <summary>A named-entity corpus split into training, development and test documents.</summary>
/// <param name="Train">The documents to train on.</param>
/// <param name="Dev">The documents to choose settings on (empty when the corpus has none, as wikigold).</param>
/// <param name="Test">The held-out documents, for the final figures only.</param>
public sealed record NerSplits(IReadOnlyList<NerDocument> Train, IReadOnlyList<NerDocument> Dev, IReadOnlyList<NerDocument> Test)
{
    /// <summary>The sentences of some documents, in order, each knowing its document's tokens (<see cref="NerSentence.Document"/>).</summary>
    /// <param name="documents">One of <see cref="Train"/>, <see cref="Dev"/>, <see cref="Test"/>.</param>
    public static IReadOnlyList<NerSentence> SentencesOf(IEnumerable<NerDocument> documents) =>
        documents.SelectMany(d => d.Sentences.Select(s => s with { Document = d.Tokens })).ToList();
}
