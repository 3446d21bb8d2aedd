namespace RnnNotebooks.Data;

/// <summary>An English sentence, its French translation, and the credit Tatoeba's licence (CC BY 2.0 FR) asks for.</summary>
/// <param name="English">The English sentence as written.</param>
/// <param name="French">Its French translation as written.</param>
/// <param name="Attribution">The line's credit, e.g. "CC-BY 2.0 (France) Attribution: tatoeba.org #2877272 (CM) &amp; #1158250 (Wittydev)".</param>
public sealed record TranslationPair(string English, string French, string Attribution);
