namespace RnnNotebooks.Book;

/// <summary>A heading of a page, as its table of contents and the search index know it.</summary>
/// <param name="Level">1 for <c>h1</c> .. 6 for <c>h6</c>.</param>
/// <param name="Id">The heading's anchor (its <c>id</c>), unique in its page.</param>
/// <param name="Html">The heading's inner HTML (math drawn), for the table of contents.</param>
/// <param name="Text">The heading as plain text, for the search index.</param>
internal sealed record Heading(int Level, string Id, string Html, string Text);
