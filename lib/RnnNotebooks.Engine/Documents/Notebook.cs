using System.Text.Json.Nodes;

namespace RnnNotebooks.Engine.Documents;

/// <summary>A notebook read from an .ipynb file (nbformat 4).</summary>
/// <param name="Path">The file it was read from.</param>
/// <param name="Cells">The cells, in order.</param>
/// <param name="Metadata">The notebook-level metadata, kept as read.</param>
public sealed record Notebook(string Path, IReadOnlyList<NotebookCell> Cells, JsonObject Metadata)
{
    /// <summary>The file name without folder or extension, e.g. <c>00-setup-check</c>.</summary>
    public string Name => System.IO.Path.GetFileNameWithoutExtension(Path);

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(cell => cell.Kind == CellKind.Code);

    /// <summary>The text of the first markdown heading, or the file name when there is none.</summary>
    public string Title =>
        Cells.Where(cell => cell.Kind == CellKind.Markdown)
            .SelectMany(cell => cell.Source.Split('\n'))
            .Select(line => line.Trim())
            .Where(line => line.StartsWith('#'))
            .Select(line => line.TrimStart('#').Trim())
            .FirstOrDefault(line => line.Length > 0) ?? Name;
}
