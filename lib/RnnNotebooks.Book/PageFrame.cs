namespace RnnNotebooks.Book;

/// <summary>What <see cref="HtmlLayout.Page"/> puts around a page's content.</summary>
/// <param name="Title">The page's title (the browser tab's).</param>
/// <param name="Chapters">Every chapter, in order, for the sidebar.</param>
/// <param name="Current">The chapter this page shows (marked in the sidebar), or null for the contents page.</param>
/// <param name="Navigation">The previous/next bar, shown above and below the content.</param>
/// <param name="Content">The page's own HTML.</param>
/// <param name="Contents">The table of the page's sections (an <c>aside</c>), or empty.</param>
/// <param name="BookTitle">The book's title, in the top bar.</param>
internal sealed record PageFrame(string Title, IReadOnlyList<BookEntry> Chapters, BookEntry? Current, string Navigation, string Content, string Contents, string BookTitle);
