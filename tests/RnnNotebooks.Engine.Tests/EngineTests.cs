using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;
using RnnNotebooks.Engine;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Engine.Tests;

/// <summary>The run loop: outputs, failures, time limits, packages, charts.</summary>
[Collection(NotebookCollection.Name)]
public sealed class EngineTests
{
    private static Task<NotebookRun> Run(string path, double timeLimitSeconds = 300) =>
        new NotebookRunner(new RunOptions { CellTimeLimit = TimeSpan.FromSeconds(timeLimitSeconds) }).RunAsync(path);

    private static IReadOnlyList<CellOutput> OutputsOf(NotebookRun run, int cellNumber) => run.Executed!.Cells[cellNumber - 1].Outputs;

    [Fact]
    public async Task A_working_notebook_keeps_stdout_display_and_the_last_value_in_order()
    {
        var path = Write(NewFolder(), "works",
            Markdown("# Title"),
            Code("int Twice(int x) => 2 * x;"),
            Code("Console.WriteLine(\"hello\"); display(\"shown\"); Twice(21)"));

        var run = await Run(path);

        Assert.Null(run.Failure);
        Assert.Equal(2, run.CellsRun);
        var outputs = OutputsOf(run, 3);
        Assert.Equal(new StreamOutput("stdout", "hello\n"), outputs[0]);
        Assert.Equal("shown", ((DataOutput)outputs[1]).Data[MimeTypes.PlainText]);
        var result = Assert.IsType<DataOutput>(outputs[2]);
        Assert.Equal(2, result.ExecutionCount);
        Assert.Contains("42", result.Data.Values.Single());
    }

    [Fact]
    public async Task A_cell_that_throws_stops_the_notebook_and_names_cell_first_line_and_exception()
    {
        var path = Write(NewFolder(), "throws",
            Markdown("# Divide"),
            Code("int Divide(int a, int b) => a / b;"),
            Code("// divide by zero\nDivide(1, 0)"),
            Code("Console.WriteLine(\"never\");"));

        var run = await Run(path);

        var failure = Assert.IsType<CellFailure>(run.Failure);
        Assert.Equal(3, failure.CellNumber);
        Assert.Equal("// divide by zero", failure.FirstLine);
        Assert.Contains("DivideByZeroException", failure.Error);
        Assert.Equal($"{path}: cell 3 `// divide by zero`: System.DivideByZeroException: Attempted to divide by zero.", failure.ToString());
        Assert.Equal(2, run.CellsRun);
        Assert.IsType<ErrorOutput>(OutputsOf(run, 3).Last());
        var notRun = run.Executed!.Cells[3];
        Assert.Null(notRun.ExecutionCount);
        Assert.Empty(notRun.Outputs);
    }

    [Fact]
    public async Task A_compile_error_fails_with_the_compiler_message()
    {
        var path = Write(NewFolder(), "compile", Code("var x = NoSuchThing();"));

        var run = await Run(path);

        var failure = Assert.IsType<CellFailure>(run.Failure);
        Assert.Equal(1, failure.CellNumber);
        Assert.Contains("CS0103", failure.Error);
        Assert.Contains("NoSuchThing", failure.Error);
        Assert.Equal("CompilationError", Assert.IsType<ErrorOutput>(OutputsOf(run, 1).Single()).Name);
    }

    [Fact]
    public async Task A_local_library_reference_works_and_library_types_show_as_their_own_text()
    {
        var dll = Path.Combine(Repository.CourseLibraries, "RnnNotebooks.dll");
        var path = Write(NewFolder(), "library",
            Code($"#r \"{dll}\""),
            Code("var rnn = RnnNotebooks.Rnn.Create(nX: 2, nA: 3, nY: 2, seed: 1);\nrnn.Forward(RnnNotebooks.SequenceBatch.OneHot(2, new[] { 0, 1 })).YHat(2)"));

        var run = await Run(path);

        Assert.Null(run.Failure);
        var data = ((DataOutput)OutputsOf(run, 2).Single()).Data;
        Assert.StartsWith("Matrix (2, 1)", data[MimeTypes.PlainText]);
        Assert.False(data.ContainsKey(MimeTypes.Html), "a library type showed as dotnet-interactive's property tree");
    }

    [Fact]
    public async Task A_library_reference_that_is_not_there_says_to_build_the_repository()
    {
        var path = Write(NewFolder(), "unbuilt", Code("#r \"../artifacts/lib/RnnNotebooks.dll\""));

        var run = await Run(path);

        Assert.Contains("CS0006", run.Failure!.Error);
        Assert.Contains("The course libraries are not built yet: run `dotnet run --project lib/RnnNotebooks.Cli -- kernel install` at the repository root", run.Failure.Error);
    }

    [Fact]
    public async Task A_cell_past_its_time_limit_fails_the_notebook_without_waiting_for_it()
    {
        var path = Write(NewFolder(), "slow",
            Code("Console.WriteLine(\"started\");"),
            Code("await Task.Delay(TimeSpan.FromSeconds(30));"),
            Code("1"));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var run = await Run(path, timeLimitSeconds: 1.5);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"the run took {clock.Elapsed}");
        var failure = Assert.IsType<CellFailure>(run.Failure);
        Assert.Equal(2, failure.CellNumber);
        Assert.Contains("time limit of 1.5 s", failure.Error);
        Assert.Equal("TimeoutError", Assert.IsType<ErrorOutput>(OutputsOf(run, 2).Last()).Name);
    }

    [Fact]
    public async Task A_malformed_file_fails_to_read_with_its_path_and_the_problem()
    {
        var path = Path.Combine(NewFolder(), "broken.ipynb");
        File.WriteAllText(path, "{ \"nbformat\": 4, \"cells\": [ { \"cell_type\": \"code\" ");

        var run = await Run(path);

        var failure = Assert.IsType<CellFailure>(run.Failure);
        Assert.Equal(0, failure.CellNumber);
        Assert.StartsWith($"{path}: not valid JSON at line 1", failure.ToString());
        Assert.Null(run.Executed);
    }

    [Fact]
    public async Task The_working_directory_is_the_notebooks_folder_and_is_restored_afterwards()
    {
        var folder = NewFolder();
        File.WriteAllText(Path.Combine(folder, "data.txt"), "beside the notebook");
        var path = Write(folder, "cwd", Code("System.IO.File.ReadAllText(\"data.txt\")"));
        var before = Environment.CurrentDirectory;

        var run = await Run(path);

        Assert.Null(run.Failure);
        Assert.Equal("beside the notebook", ((DataOutput)OutputsOf(run, 1).Single()).Data[MimeTypes.PlainText]);
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task Report_shows_the_figure_and_the_run_collects_it()
    {
        var path = Write(NewFolder(), "report", Code(UsingFigures + "Report(\"accuracy\", 0.93);\nReport(\"loss\", 0.25)"));

        var run = await Run(path);

        Assert.Null(run.Failure);
        Assert.Equal([new ReportedFigure("accuracy", 0.93), new ReportedFigure("loss", 0.25)], run.Figures);
        Assert.Equal("accuracy = 0.93", ((DataOutput)OutputsOf(run, 1)[0]).Data[MimeTypes.PlainText]);
    }

    [Fact]
    public async Task Report_rejects_a_value_that_is_not_finite()
    {
        var path = Write(NewFolder(), "report-nan", Code(UsingFigures + "Report(\"loss\", double.NaN)"));

        var run = await Run(path);

        Assert.Contains("Report(\"loss\", NaN): the value is not finite", run.Failure!.Error);
    }

    [Theory]
    [InlineData("0.93", null)]
    [InlineData("0.5", "figure 'accuracy' = 0.5 is outside its expected range [0.9, 1] (metadata rnnnotebooks.expect).")]
    [InlineData("0.93); Report(\"other\", 1", null)]
    public async Task Figures_promised_in_the_metadata_are_held_to_their_range(string reported, string? problem)
    {
        var expect = JsonNode.Parse("{\"rnnnotebooks\": {\"expect\": {\"accuracy\": [0.9, 1.0]}}}")!.AsObject();
        var path = Write(NewFolder(), "promise", expect, Code(UsingFigures + $"Report(\"accuracy\", {reported});"));

        var run = await Run(path);

        Assert.Equal(problem, run.Failure?.Error);
    }

    [Fact]
    public async Task A_promised_figure_that_is_never_reported_fails_the_run()
    {
        var expect = JsonNode.Parse("{\"rnnnotebooks\": {\"expect\": {\"loss\": [0, 1]}}}")!.AsObject();
        var path = Write(NewFolder(), "silent", expect, Code("1"));

        var run = await Run(path);

        Assert.Equal($"{path}: the notebook promises figure 'loss' in [0, 1] but never reports it with Report(\"loss\", ...).", run.Failure!.ToString());
    }

    [Theory]
    [InlineData("Report(\"real data\", 0);", null)]
    [InlineData("Report(\"real data\", 1); Report(\"wiki f1\", 0.5);", null)]
    [InlineData("Report(\"real data\", 1); Report(\"wiki f1\", 0.1);", "figure 'wiki f1' = 0.1 is outside its expected range [0.4, 1] (metadata rnnnotebooks.expect).")]
    [InlineData("Report(\"real data\", 1);", "the notebook promises figure 'wiki f1' in [0.4, 1] but never reports it with Report(\"wiki f1\", ...).")]
    public async Task Real_data_figures_are_held_to_their_ranges_only_when_the_notebook_found_the_data(string cell, string? problem)
    {
        var expect = JsonNode.Parse("{\"rnnnotebooks\": {\"expect\": {\"loss\": [0, 1]}, \"expectWithRealData\": {\"wiki f1\": [0.4, 1]}}}")!.AsObject();
        var path = Write(NewFolder(), "real-data", expect, Code(UsingFigures + "Report(\"loss\", 0.5); " + cell));

        var run = await Run(path);

        Assert.Equal(problem is null ? null : $"{path}: {problem}", run.Failure?.ToString());
    }

    [Fact]
    public async Task A_malformed_promise_fails_before_any_cell_runs()
    {
        var expect = JsonNode.Parse("{\"rnnnotebooks\": {\"expect\": {\"loss\": [1, 0]}}}")!.AsObject();
        var path = Write(NewFolder(), "bad-promise", expect, Code("1"));

        var run = await Run(path);

        Assert.Equal(0, run.CellsRun);
        Assert.Equal("metadata rnnnotebooks.expect 'loss' must be [min, max] with min <= max.", run.Failure!.Error);
    }

    [Fact]
    public async Task A_nuget_package_restores_and_a_Deedle_frame_shows_as_a_table()
    {
        var path = Write(NewFolder(), "deedle",
            Code("#r \"nuget: Deedle, 8.1.0\""),
            Code("Deedle.Frame.FromRecords(new[] { new { Step = 1, Loss = 2.5 }, new { Step = 2, Loss = 1.5 } })"));

        var run = await Run(path);

        Assert.Null(run.Failure);
        var html = ((DataOutput)OutputsOf(run, 2).Single()).Data[MimeTypes.Html];
        Assert.StartsWith("<table class=\"deedle-frame\">", html);
        Assert.Contains("<th>Loss</th>", html);
        Assert.Contains("<td>1.5</td>", html);
        Assert.DoesNotContain("-&gt;", html);
    }

    [Fact]
    public async Task A_Plotly_chart_displays_as_figure_json_and_html_with_the_same_element_id_in_every_run()
    {
        var path = Write(NewFolder(), "chart",
            Code("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\""),
            Code("Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 2.0, 1.0 / 3.0, 3.0 })"));

        var first = (DataOutput)OutputsOf(await Run(path), 2).Single();
        var second = (DataOutput)OutputsOf(await Run(path), 2).Single();

        var html = first.Data[MimeTypes.Html];
        Assert.Matches("<div id=\"rnnnotebooks-chart-2-0-[0-9a-f]{8}\"></div>", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Contains("0.333333,", first.Data[ChartOutput.FigureMimeType]); // 6 significant digits
        Assert.DoesNotContain("0.3333333", first.Data[ChartOutput.FigureMimeType]);
        Assert.Equal(first.Data, second.Data);
    }

    [Fact]
    public async Task A_markdown_only_notebook_runs_no_cell_and_succeeds()
    {
        var path = Write(NewFolder(), "prose", Markdown("# Only prose\n\n$$a^{\\langle t \\rangle}$$"), Markdown("More."));

        var run = await Run(path);

        Assert.Null(run.Failure);
        Assert.Equal(0, run.CellsRun);
        Assert.Equal(2, run.Executed!.Cells.Count);
    }
}
