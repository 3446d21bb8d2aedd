using System.Net;
using System.Text;

namespace RnnNotebooks.Book;

/// <summary>The frame every book page shares: head with local assets, navigation bar, main content, footer.</summary>
internal static class HtmlLayout
{
    /// <summary>A whole page titled <paramref name="title"/> around <paramref name="content"/>, with <paramref name="navigation"/> above and below.</summary>
    public static string Page(string title, string navigation, string content)
    {
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(WebUtility.HtmlEncode(title)).Append("</title>\n");
        foreach (var css in BookAssets.Stylesheets)
        {
            html.Append("<link rel=\"stylesheet\" href=\"").Append(BookAssets.Folder).Append('/').Append(css).Append("\">\n");
        }
        foreach (var script in BookAssets.Scripts)
        {
            html.Append("<script src=\"").Append(BookAssets.Folder).Append('/').Append(script).Append("\"></script>\n");
        }
        html.Append("</head>\n<body>\n").Append(navigation).Append("\n<main>\n").Append(content)
            .Append("\n</main>\n").Append(navigation)
            .Append("\n<footer>RnnNotebooks: recurrent neural networks in C# notebooks. Rendered by rnnbook.</footer>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A navigation bar: previous page, contents, next page (a missing one leaves its place empty).</summary>
    public static string Navigation(BookEntry? previous, BookEntry? next)
    {
        static string Link(BookEntry? entry, string arrowBefore, string arrowAfter) => entry is null
            ? "<span class=\"placeholder\">-</span>"
            : $"<a href=\"{WebUtility.HtmlEncode(entry.PageFile)}\">{arrowBefore}{WebUtility.HtmlEncode(entry.Title)}{arrowAfter}</a>";
        return "<nav class=\"book-nav\">"
            + Link(previous, "← ", "").Replace("<a ", "<a rel=\"prev\" ", StringComparison.Ordinal)
            + "<a href=\"index.html\">Contents</a>"
            + Link(next, "", " →").Replace("<a ", "<a rel=\"next\" ", StringComparison.Ordinal)
            + "</nav>";
    }
}
