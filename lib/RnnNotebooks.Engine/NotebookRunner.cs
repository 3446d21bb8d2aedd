using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// The engine's run loop: executes a notebook top to bottom in a fresh C# kernel, with the working directory
/// set to the notebook's folder, stops at the first failing cell, and then holds the notebook to the figures it
/// promises (<see cref="FigureExpectations"/>). After an exercise cell it runs the notebook's solution of that exercise in
/// the same kernel (a later submission redefines the reader's method) unless <see cref="RunOptions.AsWritten"/>. Notebooks run one at a time: formatters,
/// console capture and the working directory are process-wide.
/// </summary>
public sealed class NotebookRunner(RunOptions options, IRunObserver? observer = null)
{
    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    private readonly IRunObserver observer = observer ?? SilentObserver.Instance;

    /// <summary>Runs the notebook at <paramref name="path"/>. Never throws for a bad notebook: see <see cref="NotebookRun.Failure"/>.</summary>
    public async Task<NotebookRun> RunAsync(string path)
    {
        await OneAtATime.WaitAsync();
        try
        {
            return await RunAloneAsync(path);
        }
        finally
        {
            OneAtATime.Release();
        }
    }

    private async Task<NotebookRun> RunAloneAsync(string path)
    {
        var clock = Stopwatch.StartNew();
        Notebook notebook;
        FigureExpectations expectations;
        IReadOnlyDictionary<int, string> solutions;
        try
        {
            notebook = NotebookReader.Read(path);
            expectations = FigureExpectations.Read(notebook);
            solutions = ExerciseSolutions.Find(notebook);
        }
        catch (NotebookFormatException e)
        {
            var unreadable = new NotebookRun(path, null, 0, clock.Elapsed, [], new CellFailure(path, 0, "", e.Problem));
            observer.NotebookFinished(unreadable);
            return unreadable;
        }
        observer.NotebookStarted(path, notebook.CodeCells.Count());
        var run = await ExecuteAsync(notebook, options.AsWritten ? new Dictionary<int, string>() : solutions, clock);
        if (run.Succeeded)
        {
            run = run with { Failure = expectations.Check(run.Figures, path) ?? StoredWithoutRealData(expectations, run.Figures, path) };
        }
        observer.NotebookFinished(run);
        return run;
    }

    /// <summary>A store (<see cref="RunOptions.Store"/>) of a notebook whose real-data figures were not reached fails: storing it would empty them.</summary>
    private CellFailure? StoredWithoutRealData(FigureExpectations expectations, IReadOnlyList<ReportedFigure> figures, string path) =>
        options.Store && expectations.PromisesRealData && !FigureExpectations.FoundRealData(figures)
            ? new CellFailure(path, 0, "", "stored notebooks keep their real-data results, but this run did not find its real dataset "
                + "(the notebook's data cell says why: set RNNNOTEBOOKS_DATA to a folder holding it, or let the loader download it); nothing was stored.")
            : null;

    private async Task<NotebookRun> ExecuteAsync(Notebook notebook, IReadOnlyDictionary<int, string> solutions, Stopwatch clock)
    {
        var cells = new List<NotebookCell>(notebook.Cells.Count);
        var figures = new List<ReportedFigure>();
        CellFailure? failure = null;
        int executed = 0;
        var previousDirectory = Environment.CurrentDirectory;
        Environment.CurrentDirectory = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        CompositeKernel? kernel = null;
        bool abandoned = false;
        try
        {
            kernel = await NotebookKernel.CreateAsync(options.Store);
            foreach (var cell in notebook.Cells.TakeWhile(_ => failure is null))
            {
                if (cell.Kind != CellKind.Code)
                {
                    cells.Add(cell);
                    continue;
                }
                observer.CellStarted(notebook.Path, ++executed, cell.FirstLine);
                var result = await CellExecutor.ExecuteAsync(kernel, cell.Source, executed, options.CellTimeLimit);
                if (result.Error is null && !result.TimedOut && solutions.TryGetValue(cells.Count, out var solution))
                {
                    result = await RunSolutionAsync(kernel, solution, result, executed);
                }
                cells.Add(cell with { ExecutionCount = executed, Outputs = result.Outputs });
                figures.AddRange(result.Figures);
                if (result.Error is { } error)
                {
                    failure = new CellFailure(notebook.Path, cells.Count, cell.FirstLine, error);
                }
                abandoned = result.TimedOut; // a kernel still busy with a runaway cell is left, not waited for
            }
        }
        finally
        {
            if (!abandoned)
            {
                kernel?.Dispose();
            }
            Environment.CurrentDirectory = previousDirectory;
        }
        cells.AddRange(notebook.Cells.Skip(cells.Count).Select(NotRun));
        return new NotebookRun(notebook.Path, notebook with { Cells = cells }, executed, clock.Elapsed, figures, failure);
    }

    /// <summary>Runs an exercise's solution after its cell; the cell keeps its own outputs, then the solution's, then the note.</summary>
    private async Task<CellResult> RunSolutionAsync(Kernel kernel, string solution, CellResult exercise, int executed)
    {
        var filled = await CellExecutor.ExecuteAsync(kernel, solution, executed, options.CellTimeLimit);
        var outputs = exercise.Outputs.Concat(filled.Outputs).ToList();
        if (filled.Error is null)
        {
            outputs.Add(new StreamOutput("stdout", ExerciseSolutions.Note));
        }
        var error = filled.Error is null ? null : $"the notebook's solution of this exercise failed: {filled.Error}";
        return new CellResult(outputs, [.. exercise.Figures, .. filled.Figures], error, exercise.Elapsed + filled.Elapsed, filled.TimedOut);
    }

    private static NotebookCell NotRun(NotebookCell cell) =>
        cell.Kind == CellKind.Code ? cell with { ExecutionCount = null, Outputs = [] } : cell;
}
