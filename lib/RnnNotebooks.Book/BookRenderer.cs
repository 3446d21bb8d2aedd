using System.Net;
using System.Text;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>
/// Renders executed notebooks as an HTML book that works from file:// with no network: <c>index.html</c> with
/// the contents, one page per notebook (sidebar, sections, previous/next, download and Binder links), each notebook's
/// .ipynb beside its page, the search index, and <c>assets/</c> written once.
/// </summary>
public static class BookRenderer
{
    /// <summary>
    /// Writes the book of <paramref name="notebooks"/> (in this order) into <paramref name="folder"/>; returns the
    /// index page's path and the formulas that could not be drawn.
    /// </summary>
    public static RenderedBook Render(IReadOnlyList<Notebook> notebooks, string folder, string title = "Recurrent neural networks in C#") =>
        Render(notebooks, folder, BookOptions.Default with { Title = title });

    /// <summary>
    /// Writes the book of <paramref name="notebooks"/> (in this order) into <paramref name="folder"/> with
    /// <paramref name="options"/> (title, the repository Binder opens); returns the index page's path and the formulas
    /// that could not be drawn.
    /// </summary>
    public static RenderedBook Render(IReadOnlyList<Notebook> notebooks, string folder, BookOptions options)
    {
        Directory.CreateDirectory(folder);
        BookAssets.WriteTo(folder);
        var entries = notebooks.Select(notebook => new BookEntry(notebook)).ToList();
        var mathErrors = new List<MathError>();
        var sections = new List<SearchSection>();
        for (int i = 0; i < entries.Count; i++)
        {
            var page = PageRenderer.Render(entries, i, options, mathErrors);
            File.WriteAllText(Path.Combine(folder, entries[i].PageFile), page.Html);
            sections.AddRange(page.Sections);
            WriteNotebook(entries[i], folder);
        }
        SearchIndex.Write(sections, folder);
        var index = Path.Combine(folder, "index.html");
        File.WriteAllText(index, IndexPage(entries, options.Title));
        return new RenderedBook(index, mathErrors);
    }

    /// <summary>The notebook beside its page, for the page's download link: its file as read, or written anew when it has none.</summary>
    private static void WriteNotebook(BookEntry entry, string folder)
    {
        var target = Path.Combine(folder, entry.NotebookFile);
        if (!File.Exists(entry.Notebook.Path))
        {
            NotebookWriter.Write(entry.Notebook, target);
        }
        else if (Path.GetFullPath(entry.Notebook.Path) != Path.GetFullPath(target))
        {
            File.Copy(entry.Notebook.Path, target, overwrite: true);
        }
    }

    private static string IndexPage(IReadOnlyList<BookEntry> entries, string title)
    {
        var contents = new StringBuilder($"<h1>{WebUtility.HtmlEncode(title)}</h1>\n<ol class=\"contents\">\n");
        foreach (var entry in entries)
        {
            contents.Append("<li><span class=\"number\">").Append(WebUtility.HtmlEncode(entry.Label)).Append("</span>")
                .Append("<a href=\"").Append(WebUtility.HtmlEncode(entry.PageFile)).Append("\">")
                .Append(entry.TitleHtml).Append("</a></li>\n");
        }
        contents.Append("</ol>");
        var navigation = HtmlLayout.Navigation(null, entries.Count > 0 ? entries[0] : null);
        return HtmlLayout.Page(new PageFrame(title, entries, null, navigation, contents.ToString(), "", title));
    }
}
