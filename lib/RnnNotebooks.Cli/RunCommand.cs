using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine;
using RnnNotebooks.Engine.Storing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook run</c>: runs notebooks with a live progress display, writes the executed notebooks, prints a
/// summary table and each failure in one line (on standard error), and renders the book (warning about formulas
/// it could not draw). Exit code 1 when any notebook failed. With <c>--dry-run</c> it checks the arguments and only prints
/// what it would run and write.
/// </summary>
internal sealed class RunCommand(IAnsiConsole console, ErrorWriter errors) : AsyncCommand<RunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, RunSettings settings, CancellationToken cancellationToken)
    {
        var notebooks = settings.ResolveNotebooks();
        if (notebooks.Count == 0)
        {
            errors.Writer.WriteLine("rnnbook: no notebooks to run.");
            return 1;
        }
        var book = BookSources.For(settings.ResolveOutput());
        if (!settings.InPlace && notebooks.FirstOrDefault(notebook => WouldOverwrite(notebook, book, settings.AddToBook)) is { } source)
        {
            errors.Writer.WriteLine($"rnnbook: the executed copy of {source} would overwrite it; choose another --output, or pass --in-place.");
            return 2;
        }
        if (settings.Store && BrowserLocation.MissingReason is { } noBrowser)
        {
            errors.Writer.WriteLine($"rnnbook: --store draws every chart as a picture in a browser: {noBrowser}.");
            return 2;
        }
        if (settings.DryRun)
        {
            PrintPlan(notebooks, settings, book);
            return 0;
        }
        var options = new RunOptions { CellTimeLimit = TimeSpan.FromSeconds(settings.TimeLimitSeconds), AsWritten = settings.AsWritten, Store = settings.Store };
        await using var images = settings.Store ? await ChartImages.StartAsync() : null;
        var runs = new List<NotebookRun>();
        await console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
            .StartAsync(async progress =>
            {
                var runner = new NotebookRunner(options, new ProgressObserver(progress));
                foreach (var notebook in notebooks)
                {
                    var run = await runner.RunAsync(notebook);
                    await SaveAsync(run, settings, book, images);
                    runs.Add(run);
                }
            });
        console.Write(SummaryTable.For(runs));
        foreach (var failure in runs.Select(run => run.Failure).OfType<CellFailure>())
        {
            errors.Writer.WriteLine($"FAILED {failure}");
        }
        foreach (var outside in notebooks.Where(notebook => !book.EntersBook(notebook, settings.AddToBook)))
        {
            console.MarkupLine($"{Markup.Escape(outside)} is not a course notebook: written to {Markup.Escape(book.ExecutedPath(outside))}, not added to the course's book (--add-to-book adds it).");
        }
        if (!settings.NoRender)
        {
            var sourceOf = notebooks.ToDictionary(notebook => Path.GetFullPath(WrittenPath(notebook, settings, book)), notebook => notebook);
            var index = RenderCommand.Render(book, book.Chapters(), settings.ResolveBookOptions(), errors, sourceOf);
            console.MarkupLine($"Book: [link]{Markup.Escape(index)}[/]");
        }
        return runs.All(run => run.Succeeded) ? 0 : 1;
    }

    /// <summary>--dry-run: one line per notebook (where its executed copy would go) and the book's page; nothing runs.</summary>
    private void PrintPlan(IReadOnlyList<string> notebooks, RunSettings settings, BookSources book)
    {
        foreach (var notebook in notebooks)
        {
            console.MarkupLine($"would run {Markup.Escape(notebook)} -> {Markup.Escape(WrittenPath(notebook, settings, book))}");
        }
        console.MarkupLine(settings.NoRender
            ? "would not render the book (--no-render)"
            : $"would render the book: {Markup.Escape(Path.Combine(book.Output, BookSources.BookFolder, "index.html"))}");
    }

    private static bool WouldOverwrite(string source, BookSources book, bool addToBook) =>
        Path.GetFullPath(book.ExecutedPath(source, addToBook)) == Path.GetFullPath(source);

    private static string WrittenPath(string source, RunSettings settings, BookSources book) =>
        settings.InPlace ? source : book.ExecutedPath(source, settings.AddToBook);

    private static async Task SaveAsync(NotebookRun run, RunSettings settings, BookSources book, ChartImages? images)
    {
        if (run.Executed is null || (settings.InPlace && !run.Succeeded))
        {
            return; // nothing was read, or --in-place keeps a source whose run failed untouched
        }
        var executed = images is not null && run.Succeeded ? await StoredNotebook.PrepareAsync(run.Executed, images) : run.Executed;
        NotebookWriter.Write(executed, WrittenPath(run.Path, settings, book));
    }
}
