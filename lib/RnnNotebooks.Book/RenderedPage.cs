namespace RnnNotebooks.Book;

/// <summary>One chapter's page, rendered: its HTML and its sections for the book's search index.</summary>
/// <param name="Html">The whole page.</param>
/// <param name="Sections">The page's sections, in order.</param>
internal sealed record RenderedPage(string Html, IReadOnlyList<SearchSection> Sections);
