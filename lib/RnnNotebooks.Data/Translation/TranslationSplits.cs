namespace RnnNotebooks.Data;

/// <summary>Sentence pairs split so that no English sentence is in both parts.</summary>
/// <param name="Train">Training pairs.</param>
/// <param name="Test">Held-out pairs; an English sentence with several translations keeps all of them here.</param>
public sealed record TranslationSplits(IReadOnlyList<TranslationPair> Train, IReadOnlyList<TranslationPair> Test);
