using System.Net;
using System.Text;

namespace RnnNotebooks.Book;

/// <summary>
/// The frame every book page shares, as readers of Jupyter Book and d2l expect it: a top bar (book title, search box,
/// light/dark toggle), a sidebar with every chapter (the current one marked), the content between previous/next bars,
/// the table of the page's sections on the right, and a footer. Everything it loads is local (assets/, search-index.js).
/// </summary>
internal static class HtmlLayout
{
    /// <summary>The whole page of <paramref name="frame"/>.</summary>
    public static string Page(PageFrame frame)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(frame.Title)).Append("</title>\n");
        foreach (var css in BookAssets.Stylesheets)
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(BookAssets.Folder).Append('/').Append(css).Append("\">\n");
        }
        foreach (var script in BookAssets.Scripts)
        {
            html.Append("<script src=\"").Append(BookAssets.Folder).Append('/').Append(script).Append("\"></script>\n");
        }
        html.Append("<script src=\"").Append(SearchIndex.FileName).Append("\"></script>\n")
            .Append("</head>\n<body>\n").Append(TopBar(frame.BookTitle))
            .Append("<div class=\"layout\">\n").Append(Sidebar(frame.Chapters, frame.Current))
            .Append("<main>\n").Append(frame.Navigation).Append('\n').Append(frame.Content).Append('\n').Append(frame.Navigation)
            .Append("\n</main>\n").Append(frame.Contents).Append("</div>\n")
            .Append("<footer>RnnNotebooks: recurrent neural networks in C# notebooks. Rendered by rnnbook.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A navigation bar: previous page, contents, next page (a missing one leaves its place empty).</summary>
    public static string Navigation(BookEntry? previous, BookEntry? next)
    {
        static string Link(BookEntry? entry, string rel, string arrowBefore, string arrowAfter) => entry is null
            ? "<span class=\"placeholder\">-</span>"
            : $"<a rel=\"{rel}\" href=\"{WebUtility.HtmlEncode(entry.PageFile)}\">{arrowBefore}{entry.TitleHtml}{arrowAfter}</a>";
        return "<nav class=\"book-nav\">" + Link(previous, "prev", "← ", "") + "<a href=\"index.html\">Contents</a>" + Link(next, "next", "", " →") + "</nav>";
    }

    /// <summary>The sidebar: every chapter in order, <paramref name="current"/> marked (<c>aria-current="page"</c>).</summary>
    public static string Sidebar(IReadOnlyList<BookEntry> chapters, BookEntry? current)
    {
        var html = new StringBuilder("<nav class=\"sidebar\" aria-label=\"Chapters\">\n<ol>\n");
        foreach (var chapter in chapters)
        {
            var mark = ReferenceEquals(chapter, current) ? " class=\"current\" aria-current=\"page\"" : "";
            var label = chapter.Label.Length == 0 || chapter.TitleText.StartsWith(chapter.Label, StringComparison.Ordinal)
                ? "" : $"<span class=\"number\">{WebUtility.HtmlEncode(chapter.Label)}</span> "; // "02 · Forward ..." says its number
            html.Append("<li><a").Append(mark).Append(" href=\"").Append(WebUtility.HtmlEncode(chapter.PageFile)).Append("\">")
                .Append(label).Append(chapter.TitleHtml).Append("</a></li>\n");
        }
        return html.Append("</ol>\n</nav>\n").ToString();
    }

    /// <summary>The table of the page's sections: a link to each <c>h2</c> and <c>h3</c> (h3 indented); empty when there is none.</summary>
    public static string Contents(IEnumerable<Heading> headings)
    {
        var sections = headings.Where(heading => heading.Level is 2 or 3).ToList();
        if (sections.Count == 0)
        {
            return "";
        }
        var html = new StringBuilder("<aside class=\"toc\" aria-label=\"On this page\">\n<p class=\"toc-title\">On this page</p>\n<ul>\n");
        foreach (var heading in sections)
        {
            html.Append("<li class=\"level-").Append(heading.Level).Append("\"><a href=\"#").Append(heading.Id).Append("\">")
                .Append(heading.Html).Append("</a></li>\n");
        }
        return html.Append("</ul>\n</aside>\n").ToString();
    }

    /// <summary>
    /// The page's links to its notebook: download (the .ipynb written beside the page), and open on Binder when the
    /// book knows its repository.
    /// </summary>
    public static string PageLinks(BookEntry entry, BookOptions options) =>
        "<div class=\"page-links\">"
        + $"<a class=\"download\" href=\"{WebUtility.HtmlEncode(entry.NotebookFile)}\" download>Download the notebook</a>"
        + (options.BinderUrl(entry.NotebookFile) is { } binder ? $"<a class=\"binder\" href=\"{WebUtility.HtmlEncode(binder)}\">Open on Binder</a>" : "")
        + "</div>\n";

    private static string TopBar(string bookTitle) =>
        "<header class=\"topbar\">"
        + $"<a class=\"book-title\" href=\"index.html\">{WebUtility.HtmlEncode(bookTitle)}</a>"
        + "<div class=\"search\"><input type=\"search\" id=\"search\" placeholder=\"Search the book\" aria-label=\"Search the book\" autocomplete=\"off\">"
        + "<ol id=\"search-results\" hidden></ol></div>"
        + "<button type=\"button\" id=\"theme-toggle\" aria-label=\"Switch between light and dark theme\" title=\"Light or dark\">◐</button>"
        + "</header>\n";
}
