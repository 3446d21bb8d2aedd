using System.Net;
using System.Text;
using RnnNotebooks.Notebooks.Documents;

namespace RnnNotebooks.Notebooks.Book;

/// <summary>One notebook as one book page: markdown cells rendered, code highlighted, outputs shown.</summary>
internal static class PageRenderer
{
    /// <summary>The page of <paramref name="entry"/>, linked to its neighbours.</summary>
    public static string Render(BookEntry entry, BookEntry? previous, BookEntry? next)
    {
        var content = new StringBuilder();
        foreach (var cell in entry.Notebook.Cells)
        {
            content.Append(Cell(cell)).Append('\n');
        }
        return HtmlLayout.Page(entry.Title, HtmlLayout.Navigation(previous, next), content.ToString());
    }

    private static string Cell(NotebookCell cell) => cell.Kind switch
    {
        CellKind.Markdown => $"<section class=\"cell markdown\" id=\"{cell.Id}\">{MarkdownRenderer.ToHtml(cell.Source)}</section>",
        CellKind.Code => CodeCell(cell),
        _ => $"<section class=\"cell raw\" id=\"{cell.Id}\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>",
    };

    private static string CodeCell(NotebookCell cell)
    {
        var prompt = cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]";
        var outputs = cell.Outputs.Count == 0 ? "" : $"<div class=\"outputs\">{OutputRenderer.ToHtml(cell.Outputs)}</div>";
        return $"<section class=\"cell code\" id=\"{cell.Id}\"><div class=\"source\"><span class=\"prompt\">{prompt}</span>"
            + $"{CodeHighlighter.ToHtml(cell.Source)}</div>{outputs}</section>";
    }
}
