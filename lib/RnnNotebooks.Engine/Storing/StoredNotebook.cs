using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// A notebook as the repository keeps it: executed, every output in place, every chart with its static picture
/// (<see cref="ChartOutput"/>), and each code cell marked with a hash of the source its outputs came from, so a cell
/// edited and not re-run is found (<see cref="Problems"/>) without running anything.
/// </summary>
public static class StoredNotebook
{
    /// <summary>The cell metadata key (under <c>rnnnotebooks</c>) holding the hash of the source that made the outputs.</summary>
    public const string SourceHashKey = "outputs_from";

    /// <summary>The command that refreshes the stored notebooks, for messages.</summary>
    public const string RefreshCommand = "dotnet artifacts/bin/RnnNotebooks.Cli/debug/rnnbook.dll run notebooks --store --in-place --no-render";

    /// <summary>The executed notebook with every chart's picture drawn and every code cell's source hash recorded.</summary>
    /// <param name="executed">A notebook that ran top to bottom.</param>
    /// <param name="images">The browser that draws the pictures.</param>
    public static async Task<Notebook> PrepareAsync(Notebook executed, ChartImages images)
    {
        var cells = new List<NotebookCell>(executed.Cells.Count);
        foreach (var cell in executed.Cells)
        {
            cells.Add(cell.Kind == CellKind.Code ? await PrepareAsync(cell, images) : cell);
        }
        return executed with { Cells = cells };
    }

    private static async Task<NotebookCell> PrepareAsync(NotebookCell cell, ChartImages images)
    {
        var outputs = new List<CellOutput>(cell.Outputs.Count);
        foreach (var output in cell.Outputs)
        {
            outputs.Add(output is DataOutput data && ChartOutput.IsChart(data.Data)
                ? data with { Data = ChartOutput.WithImage(data.Data, await images.PngAsync(ChartOutput.Figure(data.Data))) }
                : output);
        }
        var metadata = (JsonObject)cell.Metadata.DeepClone();
        var ours = metadata["rnnnotebooks"] as JsonObject ?? new JsonObject();
        ours[SourceHashKey] = SourceHash(cell.Source);
        metadata["rnnnotebooks"] = ours;
        return cell with { Outputs = outputs, Metadata = metadata };
    }

    private static string? RecordedHash(NotebookCell cell) =>
        (cell.Metadata["rnnnotebooks"] as JsonObject)?[SourceHashKey] is JsonValue v && v.TryGetValue(out string? hash) ? hash : null;

    /// <summary>The first 16 hex digits of the SHA-256 of a cell's source, line endings made '\n'.</summary>
    public static string SourceHash(string source) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Replace("\r\n", "\n", StringComparison.Ordinal))))[..16];

    /// <summary>
    /// What makes <paramref name="notebook"/> not a faithful stored notebook, one line each naming the cell: a code cell
    /// not run, run out of order, edited after its outputs were made, with an error, or a chart without its picture.
    /// Empty when it is one.
    /// </summary>
    public static IReadOnlyList<string> Problems(Notebook notebook)
    {
        if (!notebook.CodeCells.Any(cell => RecordedHash(cell) is not null))
        {
            return notebook.CodeCells.Any() ? [$"{Path.GetFileName(notebook.Path)}: not stored (no code cell has outputs from rnnbook run --store)"] : [];
        }
        var problems = new List<string>();
        int expected = 0, number = 0;
        foreach (var cell in notebook.Cells)
        {
            number++;
            if (cell.Kind != CellKind.Code)
            {
                continue;
            }
            expected++;
            var where = $"{Path.GetFileName(notebook.Path)}, cell {number} ('{cell.FirstLine}')";
            var recorded = RecordedHash(cell);
            if (cell.ExecutionCount is null || recorded is null)
            {
                problems.Add($"{where}: not run when the notebook was stored");
                continue;
            }
            if (cell.ExecutionCount != expected)
            {
                problems.Add($"{where}: execution count {cell.ExecutionCount}, expected {expected} (every cell run once, in order)");
            }
            else if (recorded != SourceHash(cell.Source))
            {
                problems.Add($"{where}: edited after its outputs were stored");
            }
            if (cell.Outputs.OfType<ErrorOutput>().Any())
            {
                problems.Add($"{where}: stored with an error output");
            }
            if (cell.Outputs.OfType<DataOutput>().Any(data => ChartOutput.IsChart(data.Data) && !data.Data.ContainsKey(ChartOutput.ImageMimeType)))
            {
                problems.Add($"{where}: a chart without its static picture");
            }
        }
        return problems;
    }
}
