using RnnNotebooks.Engine;
using Spectre.Console;

namespace RnnNotebooks.Cli;

/// <summary>Draws a run as Spectre.Console progress: one line per notebook with its current cell and elapsed time.</summary>
internal sealed class ProgressObserver(ProgressContext progress) : IRunObserver
{
    private ProgressTask? task;
    private int codeCells;

    public void NotebookStarted(string path, int codeCells)
    {
        this.codeCells = codeCells;
        task = progress.AddTask(Name(path), maxValue: Math.Max(codeCells, 1));
    }

    public void CellStarted(string path, int codeCellNumber, string firstLine)
    {
        if (task is null)
        {
            return;
        }
        var line = firstLine.Length > 48 ? firstLine[..47] + "…" : firstLine;
        task.Description = $"{Name(path)} [grey]cell {codeCellNumber}/{codeCells}[/] {Markup.Escape(line)}";
        task.Value = codeCellNumber - 1;
    }

    public void NotebookFinished(NotebookRun run)
    {
        var task = this.task ?? progress.AddTask(Name(run.Path));
        task.Description = $"{Name(run.Path)} {(run.Succeeded ? "[green]done[/]" : "[red]failed[/]")}";
        task.Value = task.MaxValue;
        task.StopTask();
        this.task = null;
    }

    private static string Name(string path) => $"[bold]{Markup.Escape(Path.GetFileNameWithoutExtension(path))}[/]";
}
