using System.Globalization;
using RnnNotebooks.Engine;
using Spectre.Console;

namespace RnnNotebooks.Cli;

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
                Status(run),
                Markup.Escape(string.Join(Environment.NewLine, run.Figures))); // one figure a line
        }
        return table;
    }

    private static string Status(NotebookRun run) => run switch
    {
        { Failure: null } => "[green]ok[/]",
        { Failure.CellNumber: > 0 and var cell } => $"[red]failed[/] at cell {cell}",
        { Executed: null } => "[red]failed[/] to read",
        _ => "[red]failed[/] figures",
    };
}
