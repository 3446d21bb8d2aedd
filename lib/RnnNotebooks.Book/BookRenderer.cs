using System.Net;
using System.Text;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>
/// Renders executed notebooks as an HTML book that works from file:// with no network: <c>index.html</c> with
/// the contents, one page per notebook with previous/next links, and <c>assets/</c> written once.
/// </summary>
public static class BookRenderer
{
    /// <summary>
    /// Writes the book of <paramref name="notebooks"/> (in this order) into <paramref name="folder"/>; returns the
    /// index page's path and the formulas that could not be drawn.
    /// </summary>
    public static RenderedBook Render(IReadOnlyList<Notebook> notebooks, string folder, string title = "Recurrent neural networks in C#")
    {
        Directory.CreateDirectory(folder);
        BookAssets.WriteTo(folder);
        var entries = notebooks.Select(notebook => new BookEntry(notebook)).ToList();
        var mathErrors = new List<MathError>();
        for (int i = 0; i < entries.Count; i++)
        {
            var page = PageRenderer.Render(entries[i], i > 0 ? entries[i - 1] : null, i + 1 < entries.Count ? entries[i + 1] : null, mathErrors);
            File.WriteAllText(Path.Combine(folder, entries[i].PageFile), page);
        }
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, IndexPage(entries, title));
        return new RenderedBook(index, mathErrors);
    }

    private static string IndexPage(IReadOnlyList<BookEntry> entries, string title)
    {
        var contents = new StringBuilder($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n<ol class=\"contents\">\n");
        foreach (var entry in entries)
        {
            contents.Append("<li><span class=\"number\">").Append(WebUtility.HtmlEncode(entry.Label)).Append("</span>")
                .Append("<a href=\"").Append(WebUtility.HtmlEncode(entry.PageFile)).Append("\">")
                .Append(WebUtility.HtmlEncode(entry.Title)).Append("</a></li>\n");
        }
        contents.Append("</ol>");
        var navigation = HtmlLayout.Navigation(null, entries.Count > 0 ? entries[0] : null);
        return HtmlLayout.Page(title, navigation, contents.ToString());
    }
}
