using System.Text.Json.Nodes;

namespace RnnNotebooks.Engine.Documents;

/// <summary>One cell of a notebook: its kind, source, and (for code) the outputs of its last run.</summary>
/// <param name="Id">nbformat 4.5 cell id: 1-64 letters, digits, '-' or '_'.</param>
/// <param name="Kind">Code, markdown or raw.</param>
/// <param name="Source">The cell's text.</param>
/// <param name="Metadata">The cell's metadata, kept as read.</param>
public sealed record NotebookCell(string Id, CellKind Kind, string Source, JsonObject Metadata)
{
    /// <summary>The execution count of the last run; null when not run.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>The outputs of the last run (empty for markdown and raw cells).</summary>
    public IReadOnlyList<CellOutput> Outputs { get; init; } = [];

    /// <summary>The first non-blank line of the source, to name the cell in messages.</summary>
    public string FirstLine =>
        Source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "(empty cell)";
}
