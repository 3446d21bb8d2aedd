namespace RnnNotebooks.Data;

/// <summary>One document of a named-entity corpus (an article, in wikigold): its sentences in order.</summary>
/// <param name="Sentences">The sentences, at least one.</param>
public sealed record NerDocument(IReadOnlyList<NerSentence> Sentences);
