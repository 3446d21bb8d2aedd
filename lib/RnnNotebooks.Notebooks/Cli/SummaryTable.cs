using System.Globalization;
using RnnNotebooks.Notebooks.Engine;
using Spectre.Console;

namespace RnnNotebooks.Notebooks.Cli;

/// <summary>The table <c>rnnbook run</c> ends with: notebook, cells, seconds, status, reported figures.</summary>
internal static class SummaryTable
{
    /// <summary>One row per run.</summary>
    public static Table For(IEnumerable<NotebookRun> runs)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("Notebook")
            .AddColumn(new TableColumn("Cells").RightAligned())
            .AddColumn(new TableColumn("Seconds").RightAligned())
            .AddColumn("Status")
            .AddColumn("Figures");
        foreach (var run in runs)
        {
            table.AddRow(
                Markup.Escape(Path.GetFileNameWithoutExtension(run.Path)),
                run.CellsRun.ToString(CultureInfo.InvariantCulture),
                run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                run.Succeeded ? "[green]ok[/]" : $"[red]failed[/] {(run.Failure!.CellNumber > 0 ? $"at cell {run.Failure.CellNumber}" : "to read")}",
                Markup.Escape(string.Join(", ", run.Figures)));
        }
        return table;
    }
}
