using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook run</c> and <c>rnnbook render</c> as a user calls them.</summary>
[Collection(NotebookCollection.Name)]
public sealed class CliTests
{
    private static Task<(int ExitCode, string Output, string Errors)> Rnnbook(params string[] args) => TestSupport.Rnnbook.RunAsync(args);

    [Fact]
    public async Task Run_exits_0_prints_the_summary_writes_the_executed_copy_and_leaves_the_source_alone()
    {
        var folder = NewFolder();
        var source = Write(folder, "good", Markdown("# Good"), Code(UsingFigures + "Report(\"answer\", 42);"));
        var before = File.ReadAllText(source);
        var output = Path.Combine(folder, "out");

        var (exitCode, text, errors) = await Rnnbook("run", source, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Equal("", errors);
        Assert.Contains("good", text);
        Assert.Contains("ok", text);
        Assert.Contains("answer = 42", text);
        Assert.Equal(before, File.ReadAllText(source));
        Assert.Contains("\"execution_count\": 1", File.ReadAllText(Path.Combine(output, "notebooks", "good.ipynb")));
        Assert.True(File.Exists(Path.Combine(output, "book", "index.html")));
        Assert.True(File.Exists(Path.Combine(output, "book", "good.html")));
    }

    [Fact]
    public async Task Run_fills_in_exercise_solutions_and_as_written_grades_the_readers_own()
    {
        var folder = NewFolder();
        var source = Write(folder, "exercise", new System.Text.Json.Nodes.JsonObject(),
            WithMetadata(Code(UsingFigures + "int Answer() { throw new NotImplementedException(); }"), "exercise", "answer"),
            WithMetadata(Markdown("<details><summary>Solution</summary>\n\n```csharp\nint Answer() => 42;\n```\n\n</details>"), "solution", "answer"),
            Cell("code", "int got; try { got = Answer(); } catch (NotImplementedException) { got = 0; }\nReport(\"answer\", got);"));

        var (filledExit, filled, _) = await Rnnbook("run", source, "--output", Path.Combine(folder, "filled"), "--no-render");
        var (asWrittenExit, asWritten, _) = await Rnnbook("run", source, "--as-written", "--output", Path.Combine(folder, "as-written"), "--no-render");

        Assert.Equal((0, 0), (filledExit, asWrittenExit));
        Assert.Contains("answer = 42", filled);
        Assert.Contains("answer = 0", asWritten);
    }

    [Fact]
    public async Task Run_of_a_broken_notebook_exits_1_with_notebook_cell_and_error_in_one_line()
    {
        var folder = NewFolder();
        var broken = Write(folder, "broken", Markdown("# Broken"), Code("var ok = 1;"), Code("throw new InvalidOperationException(\"the data is gone\");"));

        var (exitCode, text, errors) = await Rnnbook("run", broken, "--output", Path.Combine(folder, "out"), "--no-render");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"FAILED {broken}: cell 3 `throw new InvalidOperationException(\"the data is gone\");`: " +
            "System.InvalidOperationException: the data is gone", line);
        Assert.Contains("failed at cell 3", text);
        Assert.False(Directory.Exists(Path.Combine(folder, "out", "book")));
    }

    [Fact]
    public async Task Run_in_place_overwrites_the_source_only_when_it_succeeds()
    {
        var folder = NewFolder();
        var good = Write(folder, "good", Code("6 * 7"));
        var bad = Write(folder, "bad", Code("6 * seven"));
        var badBefore = File.ReadAllText(bad);

        var (exitCode, _, _) = await Rnnbook("run", good, bad, "--in-place", "--output", Path.Combine(folder, "out"), "--no-render");

        Assert.Equal(1, exitCode);
        Assert.Contains("\"nbformat_minor\": 5", File.ReadAllText(good));
        Assert.Contains("42", File.ReadAllText(good));
        Assert.Equal(badBefore, File.ReadAllText(bad));
        Assert.Empty(Directory.GetFiles(folder, "*.tmp", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task An_output_folder_that_would_overwrite_the_source_is_refused()
    {
        var folder = NewFolder();
        var source = Write(Directory.CreateDirectory(Path.Combine(folder, "notebooks")).FullName, "nb", Code("1"));
        var before = File.ReadAllText(source);

        var (exitCode, _, errors) = await Rnnbook("run", source, "--output", folder);

        Assert.Equal(2, exitCode);
        Assert.Contains($"the executed copy of {source} would overwrite it", errors);
        Assert.Equal(before, File.ReadAllText(source));
    }

    [Fact]
    public async Task A_missing_notebook_is_refused_before_anything_runs()
    {
        var (exitCode, text, _) = await Rnnbook("run", "no/such/notebook.ipynb");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("No such notebook or folder: no/such/notebook.ipynb", text);
    }

    [Fact]
    public async Task A_dry_run_lists_what_it_would_run_and_write_and_runs_and_writes_nothing()
    {
        var folder = NewFolder();
        var source = Write(folder, "never", Code("File.WriteAllText(\"ran.txt\", \"ran\");"));
        var output = Path.Combine(folder, "out");

        var (exitCode, text, errors) = await Rnnbook("run", source, "--output", output, "--dry-run");
        var (refused, refusal, _) = await Rnnbook("run", Path.Combine(folder, "missing.ipynb"), "--dry-run");

        Assert.Equal((0, ""), (exitCode, errors));
        Assert.Contains($"would run {source} -> {Path.Combine(output, "notebooks", "never.ipynb")}", text);
        Assert.Contains($"would render the book: {Path.Combine(output, "book", "index.html")}", text);
        Assert.False(Directory.Exists(output), "a dry run wrote the output folder");
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")), "a dry run ran the notebook");
        Assert.NotEqual(0, refused);
        Assert.Contains("No such notebook or folder", refusal);
    }

    [Fact]
    public async Task Render_builds_the_book_from_the_executed_copies()
    {
        var folder = NewFolder();
        var source = Write(folder, "01-first", Markdown("# First"), Code("\"from the run\""));
        var output = Path.Combine(folder, "out");
        await Rnnbook("run", source, "--output", output, "--no-render");

        var (exitCode, text, _) = await Rnnbook("render", source, "--output", output);

        Assert.Equal(0, exitCode);
        Assert.Contains("index.html", text);
        Assert.Contains("from the run", File.ReadAllText(Path.Combine(output, "book", "01-first.html")));
    }

    [Fact]
    public async Task Render_links_each_page_to_Binder_on_the_repository_given_and_refuses_one_that_is_not_owner_slash_name()
    {
        var folder = NewFolder();
        var source = Write(folder, "01-first", Markdown("# First"));
        var output = Path.Combine(folder, "out");

        var (exitCode, _, _) = await Rnnbook("render", source, "--output", output, "--repository", "someone/RnnNotebooks");
        var (refused, text, errors) = await Rnnbook("render", source, "--output", output, "--repository", "https://github.com/someone");

        Assert.Equal(0, exitCode);
        Assert.Contains("href=\"https://mybinder.org/v2/gh/someone/RnnNotebooks/HEAD?labpath=notebooks%2F01-first.ipynb\"",
            File.ReadAllText(Path.Combine(output, "book", "01-first.html")));
        Assert.True(File.Exists(Path.Combine(output, "book", "01-first.ipynb")));
        Assert.NotEqual(0, refused);
        Assert.Contains("--repository must be owner/name", text + errors);
    }

    [Fact]
    public async Task Render_warns_about_a_formula_it_cannot_draw_naming_notebook_cell_and_command()
    {
        var folder = NewFolder();
        var source = Write(folder, "01-first", Markdown("# First"), Markdown("Good $x^2$, bad $\\softmax(z)$."));

        var (exitCode, text, errors) = await Rnnbook("render", source, "--output", Path.Combine(folder, "out"));

        Assert.Equal(0, exitCode);
        Assert.Contains("index.html", text);
        Assert.Equal($"WARNING {source}: cell 2: unknown command \\softmax (at character 1) in $\\softmax(z)$", errors.TrimEnd('\n'));
    }

    [Fact]
    public async Task Run_warns_about_a_formula_it_cannot_draw_and_still_succeeds()
    {
        var folder = NewFolder();
        var source = Write(folder, "02-second", Markdown("# Second\n\n$$\\left( x$$"), Code("1 + 1"));

        var (exitCode, _, errors) = await Rnnbook("run", source, "--output", Path.Combine(folder, "out"));

        Assert.Equal(0, exitCode);
        Assert.Equal($"WARNING {source}: cell 1: \\left( is never closed by \\right (at character 1) in $\\left( x$", errors.TrimEnd('\n'));
        Assert.Contains("class=\"math-error display\"", File.ReadAllText(Path.Combine(folder, "out", "book", "02-second.html")));
    }
}
