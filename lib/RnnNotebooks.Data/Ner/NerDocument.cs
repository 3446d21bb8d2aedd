namespace RnnNotebooks.Data;

/// <summary>One document of a named-entity corpus (an article, in wikigold): its sentences in order.</summary>
/// <param name="Sentences">The sentences, at least one.</param>
public sealed record NerDocument(IReadOnlyList<NerSentence> Sentences)
{
    /// <summary>The tokens of each sentence, in order (one list, made once).</summary>
    public IReadOnlyList<IReadOnlyList<string>> Tokens { get; } = Sentences.Select(s => s.Tokens).ToArray();
}
