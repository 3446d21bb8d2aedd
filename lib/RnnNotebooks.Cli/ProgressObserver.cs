using RnnNotebooks.Engine;
using Spectre.Console;

namespace RnnNotebooks.Cli;

/// <summary>Draws a run as Spectre.Console progress: one line per notebook with its current cell and elapsed time.</summary>
internal sealed class ProgressObserver(ProgressContext progress) : IRunObserver
{
    private ProgressTask? _task;
    private int _codeCells;

    public void NotebookStarted(string path, int codeCells)
    {
        _codeCells = codeCells;
        _task = progress.AddTask(Name(path), maxValue: Math.Max(codeCells, 1));
    }

    public void CellStarted(string path, int codeCellNumber, string firstLine)
    {
        if (_task is null)
        {
            return;
        }
        var line = firstLine.Length > 48 ? firstLine[..47] + "…" : firstLine;
        _task.Description = $"{Name(path)} [grey]cell {codeCellNumber}/{_codeCells}[/] {Markup.Escape(line)}";
        _task.Value = codeCellNumber - 1;
    }

    public void NotebookFinished(NotebookRun run)
    {
        var task = _task ?? progress.AddTask(Name(run.Path));
        task.Description = $"{Name(run.Path)} {(run.Succeeded ? "[green]done[/]" : "[red]failed[/]")}";
        task.Value = task.MaxValue;
        task.StopTask();
        _task = null;
    }

    private static string Name(string path) => $"[bold]{Markup.Escape(Path.GetFileNameWithoutExtension(path))}[/]";
}
