using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>One notebook's place in the book: its number as in the lecture note, title and page file.</summary>
/// <param name="Notebook">The (executed) notebook.</param>
internal sealed record BookEntry(Notebook Notebook)
{
    /// <summary>The page's file name, e.g. <c>02-forward-propagation.html</c>.</summary>
    public string PageFile => Notebook.Name + ".html";

    /// <summary>The notebook's file name beside its page (the download link), e.g. <c>02-forward-propagation.ipynb</c>.</summary>
    public string NotebookFile => Notebook.Name + ".ipynb";

    /// <summary>The notebook's title: its first markdown heading, as written (markdown, TeX).</summary>
    public string Title => Notebook.Title;

    /// <summary>The title as HTML: its markdown rendered and its TeX drawn, for the sidebar, the contents and previous/next.</summary>
    public string TitleHtml => titleHtml ??= RenderTitle(Title);

    /// <summary>The title as plain text (TeX kept as TeX), for the browser's tab and the search results.</summary>
    public string TitleText => PlainText.Of(TitleHtml);

    private string? titleHtml;

    /// <summary>A title's inline markdown as HTML; a formula that cannot be drawn is reported by the page's own heading.</summary>
    private static string RenderTitle(string title)
    {
        var html = MarkdownRenderer.ToHtml(title, (_, _) => { }).Trim();
        return html.StartsWith("<p>", StringComparison.Ordinal) && html.EndsWith("</p>", StringComparison.Ordinal) ? html[3..^4] : System.Net.WebUtility.HtmlEncode(title);
    }

    /// <summary>The label in the contents: the file's two-digit number (01..08), "Set-up" for 00.</summary>
    public string Label
    {
        get
        {
            var digits = new string(Notebook.Name.TakeWhile(char.IsAsciiDigit).ToArray());
            return digits switch
            {
                "" => "",
                _ when int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture) == 0 => "Set-up",
                _ => digits,
            };
        }
    }
}
