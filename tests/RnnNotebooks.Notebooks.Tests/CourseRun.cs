namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// The course run once per test run, as a reader runs it: <c>rnnbook run</c> over every notebook in notebooks/, with the
/// book rendered, into a temporary output folder (the repository's out/ is never touched). The tests that need an executed
/// notebook or the book share this one run: each notebook runs once here, however many tests read it.
/// </summary>
public sealed class CourseRun : IAsyncLifetime
{
    /// <summary>The output folder: executed notebooks in <c>notebooks/</c>, the book in <c>book/</c>.</summary>
    public string Output { get; } = Directory.CreateTempSubdirectory("rnnbook-course-").FullName;

    /// <summary>rnnbook's exit code: 0 when every notebook ran and reached its figures.</summary>
    public int ExitCode { get; private set; }

    /// <summary>What rnnbook printed: progress, the summary table (seconds and figures per notebook).</summary>
    public string Console { get; private set; } = "";

    /// <summary>rnnbook's standard error: one <c>FAILED</c> line per failed notebook, <c>WARNING</c> lines.</summary>
    public string Errors { get; private set; } = "";

    /// <summary>The executed copy of <paramref name="notebook"/> (a file name such as 00-setup-check.ipynb).</summary>
    public string Executed(string notebook) => Path.Combine(Output, "notebooks", notebook);

    /// <summary>The book's contents page.</summary>
    public string Index => Path.Combine(Output, "book", "index.html");

    /// <inheritdoc />
    public async Task InitializeAsync() =>
        (ExitCode, Console, Errors) = await Rnnbook.RunAsync("run", Repository.Layout.NotebooksFolder, "--output", Output);

    /// <inheritdoc />
    public Task DisposeAsync()
    {
        TestFolders.Delete(Output); // the executed course and its book, about 10 MB a test run
        return Task.CompletedTask;
    }
}
