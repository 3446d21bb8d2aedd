using System.Net;
using System.Text;
using RnnNotebooks.Book.Tex;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>
/// One notebook as one book page: markdown cells rendered with anchored headings, code highlighted, outputs shown;
/// around them the book's frame (<see cref="HtmlLayout"/>) with the page's table of contents and its download and
/// Binder links.
/// </summary>
internal static class PageRenderer
{
    /// <summary>
    /// The page of <paramref name="chapters"/>[<paramref name="index"/>], linked to its neighbours; formulas it cannot
    /// draw are added to <paramref name="mathErrors"/>.
    /// </summary>
    public static RenderedPage Render(IReadOnlyList<BookEntry> chapters, int index, BookOptions options, ICollection<MathError> mathErrors)
    {
        var entry = chapters[index];
        var anchors = new HeadingAnchors(entry.Notebook.Cells.Select(cell => cell.Id));
        var search = new SearchSections(entry);
        var headings = new List<Heading>();
        var content = new StringBuilder();
        var cells = entry.Notebook.Cells;
        for (int i = 0; i < cells.Count; i++)
        {
            int number = i + 1;
            void OnMathError(string tex, TexError error) => mathErrors.Add(new MathError(entry.Notebook.Path, number, tex, error));
            content.Append(Cell(cells[i], anchors, search, headings, OnMathError)).Append('\n');
        }
        var frame = new PageFrame(entry.TitleText, chapters, entry,
            HtmlLayout.Navigation(index > 0 ? chapters[index - 1] : null, index + 1 < chapters.Count ? chapters[index + 1] : null),
            HtmlLayout.PageLinks(entry, options) + content, HtmlLayout.Contents(headings), options.Title);
        return new RenderedPage(HtmlLayout.Page(frame), search.Finish());
    }

    private static string Cell(NotebookCell cell, HeadingAnchors anchors, SearchSections search, List<Heading> headings, Action<string, TexError> onMathError)
    {
        switch (cell.Kind)
        {
            case CellKind.Markdown:
                var (html, before, sections) = anchors.Apply(MarkdownRenderer.ToHtml(cell.Source, onMathError));
                search.Add(PlainText.Of(before));
                foreach (var (heading, after) in sections)
                {
                    search.Start(heading);
                    search.Add(PlainText.Of(after));
                    headings.Add(heading);
                }
                return $"<section class=\"cell markdown\" id=\"{cell.Id}\">{html}</section>";
            case CellKind.Code:
                search.Add(cell.Source);
                return CodeCell(cell, onMathError);
            default:
                return $"<section class=\"cell raw\" id=\"{cell.Id}\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>";
        }
    }

    private static string CodeCell(NotebookCell cell, Action<string, TexError> onMathError)
    {
        var prompt = cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]";
        var outputs = cell.Outputs.Count == 0 ? "" : $"<div class=\"outputs\">{OutputRenderer.ToHtml(cell.Outputs, onMathError)}</div>";
        return $"<section class=\"cell code\" id=\"{cell.Id}\"><div class=\"source\"><span class=\"prompt\">{prompt}</span>"
            + $"{CodeHighlighter.ToHtml(cell.Source)}</div>{outputs}</section>";
    }
}
