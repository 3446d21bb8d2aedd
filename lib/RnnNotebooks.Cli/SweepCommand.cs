using System.Globalization;
using RnnNotebooks.Engine;
using RnnNotebooks.Engine.Documents;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook sweep [NOTEBOOK...] [--seeds N] [--csv FILE]</c>: is a notebook's figure the seed's or the method's? Runs
/// each notebook N times in this process, with <see cref="Seeds.Offset"/> 0 .. N - 1 (the model seeds shift; the data stays),
/// stores nothing, and prints per notebook each figure's min, median and max over the runs, the range its metadata promises
/// and how many runs fell inside it (<see cref="SweepTable"/>). A run whose figures miss their ranges, or that stops at a
/// failing cell, does not stop the sweep; its figures count as far as it got. Exit code 1 when a run stopped at a cell.
/// </summary>
internal sealed class SweepCommand(IAnsiConsole console, ErrorWriter errors, LineStreams lines) : AsyncCommand<SweepSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, SweepSettings settings, CancellationToken cancellationToken)
    {
        var notebooks = settings.ResolveNotebooks();
        if (notebooks.Count == 0)
        {
            errors.Writer.WriteLine("rnnbook sweep: no notebooks to run.");
            return 1;
        }
        var runner = new NotebookRunner(new RunOptions { CellTimeLimit = TimeSpan.FromSeconds(settings.TimeLimitSeconds) });
        var swept = new List<(string Notebook, IReadOnlyList<SweptFigure> Figures)>();
        bool stopped = false;
        foreach (var notebook in notebooks)
        {
            FigureExpectations expectations;
            try
            {
                expectations = FigureExpectations.Read(NotebookReader.Read(notebook));
            }
            catch (NotebookFormatException e)
            {
                errors.Writer.WriteLine($"rnnbook sweep: {notebook}: {e.Problem}");
                stopped = true;
                continue;
            }
            var runs = new List<NotebookRun>();
            for (int offset = 0; offset < settings.SeedCount; offset++)
            {
                var run = await RunWithOffsetAsync(runner, notebook, offset);
                runs.Add(run);
                stopped |= run.Failure is { CellNumber: > 0 };
                await lines.Out.WriteLineAsync(Progress(notebook, offset, settings.SeedCount, run)); // plain: a log keeps each run on one line
                await lines.Out.FlushAsync(cancellationToken);
            }
            var figures = SweepTable.Figures(runs, expectations);
            swept.Add((notebook, figures));
            console.Write(SweepTable.For(notebook, figures, settings.SeedCount));
        }
        if (settings.Csv is { } csv)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(csv));
            Directory.CreateDirectory(folder!);
            await File.WriteAllTextAsync(csv, SweepTable.Csv(swept), cancellationToken);
            console.WriteLine($"CSV: {csv}");
        }
        return stopped ? 1 : 0;
    }

    /// <summary>One run of the notebook with the model seeds shifted by <paramref name="offset"/>; the offset is 0 again after, whatever happens.</summary>
    private static async Task<NotebookRun> RunWithOffsetAsync(NotebookRunner runner, string notebook, int offset)
    {
        Seeds.Offset = offset;
        try
        {
            return await runner.RunAsync(notebook);
        }
        finally
        {
            Seeds.Offset = 0;
        }
    }

    /// <summary>"06-many-to-one-sentiment, seed offset 2 (3/5): 48.3 s, 17 figures reported, ok" or why not it failed.</summary>
    private static string Progress(string notebook, int offset, int seeds, NotebookRun run)
    {
        var outcome = run.Failure switch
        {
            null => "ok",
            { CellNumber: > 0 } failure => $"stopped at cell {failure.CellNumber} ('{failure.FirstLine}'): {OneLine(failure.Error)}",
            var failure => OneLine(failure.Error),
        };
        return $"{Path.GetFileNameWithoutExtension(notebook)}, seed offset {offset} ({offset + 1}/{seeds}): "
            + $"{run.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s, {run.Figures.Count} figures reported, {outcome}";
    }

    private static string OneLine(string text) => string.Join(" ", text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
