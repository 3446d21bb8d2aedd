using System.Net;
using System.Text;
using RnnNotebooks.Book.Tex;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book;

/// <summary>One notebook as one book page: markdown cells rendered, code highlighted, outputs shown.</summary>
internal static class PageRenderer
{
    /// <summary>The page of <paramref name="entry"/>, linked to its neighbours; formulas it cannot draw are added to <paramref name="mathErrors"/>.</summary>
    public static string Render(BookEntry entry, BookEntry? previous, BookEntry? next, ICollection<MathError> mathErrors)
    {
        var content = new StringBuilder();
        var cells = entry.Notebook.Cells;
        for (int i = 0; i < cells.Count; i++)
        {
            int number = i + 1;
            void OnMathError(string tex, TexError error) => mathErrors.Add(new MathError(entry.Notebook.Path, number, tex, error));
            content.Append(Cell(cells[i], OnMathError)).Append('\n');
        }
        return HtmlLayout.Page(entry.Title, HtmlLayout.Navigation(previous, next), content.ToString());
    }

    private static string Cell(NotebookCell cell, Action<string, TexError> onMathError) => cell.Kind switch
    {
        CellKind.Markdown => $"<section class=\"cell markdown\" id=\"{cell.Id}\">{MarkdownRenderer.ToHtml(cell.Source, onMathError)}</section>",
        CellKind.Code => CodeCell(cell, onMathError),
        _ => $"<section class=\"cell raw\" id=\"{cell.Id}\"><pre>{WebUtility.HtmlEncode(cell.Source)}</pre></section>",
    };

    private static string CodeCell(NotebookCell cell, Action<string, TexError> onMathError)
    {
        var prompt = cell.ExecutionCount is { } n ? $"[{n}]" : "[ ]";
        var outputs = cell.Outputs.Count == 0 ? "" : $"<div class=\"outputs\">{OutputRenderer.ToHtml(cell.Outputs, onMathError)}</div>";
        return $"<section class=\"cell code\" id=\"{cell.Id}\"><div class=\"source\"><span class=\"prompt\">{prompt}</span>"
            + $"{CodeHighlighter.ToHtml(cell.Source)}</div>{outputs}</section>";
    }
}
