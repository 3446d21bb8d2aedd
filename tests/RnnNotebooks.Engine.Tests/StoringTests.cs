using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Engine.Tests;

/// <summary>
/// Notebooks as the repository stores them (<see cref="RunOptions.Store"/>, <see cref="StoredNotebook"/>,
/// <see cref="ChartOutput"/>): no times, no real data, charts with their picture, and cells edited after their run found.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class StoringTests
{
    private static readonly string Timed =
        UsingFigures + "using RnnNotebooks.Scripts;\n" +
        "Console.WriteLine($\"epoch 1: loss 0.5{Timing.Elapsed(1.25)}\");\n" +
        "Console.WriteLine(Timing.Measured(\"core 15 ms, TorchSharp 187 ms\"));\n" +
        "ReportSeconds(\"seconds to run\", 3.5);\n" +
        "Console.WriteLine(Environment.GetEnvironmentVariable(\"RNNNOTEBOOKS_DATA\") ?? \"(unset)\");";

    private static async Task<NotebookRun> Run(string path, bool store) =>
        await new NotebookRunner(new RunOptions { Store = store }).RunAsync(path);

    private static string Printed(NotebookRun run) =>
        string.Concat(run.Executed!.Cells[0].Outputs.Select(output => output switch
        {
            StreamOutput stream => stream.Text,
            DataOutput data => data.Data[MimeTypes.PlainText] + "\n",
            _ => "",
        }));

    [Fact]
    public async Task A_normal_run_prints_times_and_keeps_the_machines_data_setting()
    {
        var run = await Run(Write(NewFolder(), "timed", Code(Timed)), store: false);

        Assert.Null(run.Failure);
        var printed = Printed(run);
        Assert.Contains("epoch 1: loss 0.5 (1.2 s)", printed); // F1 of 1.25 rounds half to even
        Assert.Contains("core 15 ms, TorchSharp 187 ms", printed);
        Assert.Contains("seconds to run = 3.5", printed);
        Assert.DoesNotContain("\nnone\n", printed);
    }

    [Fact]
    public async Task A_run_for_storing_prints_no_time_keeps_the_machines_data_setting_and_still_collects_the_figure()
    {
        var before = Environment.GetEnvironmentVariable("RNNNOTEBOOKS_DATA");

        var run = await Run(Write(NewFolder(), "timed", Code(Timed)), store: true);

        Assert.Null(run.Failure);
        var lines = Printed(run).Split('\n');
        Assert.Equal("epoch 1: loss 0.5", lines[0]);
        Assert.Equal(Scripts.Timing.NotStored, lines[1]);
        Assert.Equal($"seconds to run: {Scripts.Timing.NotStored}", lines[2]);
        Assert.Equal(before ?? "(unset)", lines[3]); // the real datasets are used as in any run: stored notebooks show their results
        Assert.Equal(3.5, run.Figures.Single(f => f.Name == "seconds to run").Value);
        Assert.Equal(before, Environment.GetEnvironmentVariable("RNNNOTEBOOKS_DATA")); // put back after the run
        await Run(Write(NewFolder(), "after", Code("1")), store: false);
        Assert.False(Scripts.Timing.IsStoring, "a normal run after a run for storing still prints no times");
    }

    [Theory]
    [InlineData(true, "stored notebooks keep their real-data results, but this run did not find its real dataset")]
    [InlineData(false, null)]
    public async Task A_store_that_did_not_find_the_real_data_fails_so_it_never_empties_the_stored_results(bool store, string? problem)
    {
        var expect = JsonNode.Parse("{\"rnnnotebooks\": {\"expectWithRealData\": {\"wiki f1\": [0.4, 1]}}}")!.AsObject();
        var path = Write(NewFolder(), "offline", expect, Code(UsingFigures + "Report(\"real data\", 0);"));

        var run = await Run(path, store);

        if (problem is null)
        {
            Assert.Null(run.Failure);
        }
        else
        {
            Assert.Contains(problem, run.Failure?.Error);
        }
    }

    [Fact]
    public void A_chart_bundle_rounds_its_numbers_and_shows_its_title_as_text()
    {
        var bundle = ChartOutput.Bundle("""{"data":[{"type":"scatter","y":[0.123456789,2,1e-7]}],"layout":{"title":{"text":"Loss"}}}""", "c1");

        Assert.Equal("""{"data":[{"type":"scatter","y":[0.123457,2,1E-07]}],"layout":{"title":{"text":"Loss"}}}""", bundle[ChartOutput.FigureMimeType]);
        Assert.Equal("Plotly chart: Loss", bundle[MimeTypes.PlainText]);
        Assert.Contains("<div id=\"c1\"></div>", bundle[MimeTypes.Html]);
        Assert.DoesNotContain("<img", bundle[MimeTypes.Html]);
        Assert.Throws<ArgumentException>(() => ChartOutput.Bundle("[1, 2]", "c2"));
        Assert.Throws<ArgumentException>(() => ChartOutput.Bundle("{not json", "c3"));
    }

    [Fact]
    public void A_chart_with_its_picture_has_it_as_image_png_and_inside_its_html_before_the_chart()
    {
        var bundle = ChartOutput.WithImage(ChartOutput.Bundle("""{"data":[],"layout":{}}""", "c1"), "iVBORw0KGgo=");

        Assert.Equal("iVBORw0KGgo=", bundle[ChartOutput.ImageMimeType]);
        var html = bundle[MimeTypes.Html];
        Assert.StartsWith("<div class=\"rnnnotebooks-chart\"><img class=\"rnnnotebooks-chart-image\" alt=\"Plotly chart (0 traces)\" src=\"data:image/png;base64,iVBORw0KGgo=\"><div id=\"c1\">", html);
        Assert.Equal("c1", ChartOutput.IdOf(bundle));
    }

    [Fact]
    public void Problems_name_the_cell_edited_after_its_outputs_were_stored_and_the_cell_never_run()
    {
        var stored = new NotebookCell("a", CellKind.Code, "var x = 1;", Marked("var x = 1;")) { ExecutionCount = 1 };
        var edited = new NotebookCell("b", CellKind.Code, "x + 2", Marked("x + 1")) { ExecutionCount = 2 };
        var notRun = new NotebookCell("c", CellKind.Code, "x", new JsonObject());
        var notebook = new Notebook("/n/07-x.ipynb", [stored, new NotebookCell("m", CellKind.Markdown, "# t", new JsonObject()), edited, notRun], new JsonObject());

        var problems = StoredNotebook.Problems(notebook);

        Assert.Equal(
        [
            "07-x.ipynb, cell 3 ('x + 2'): edited after its outputs were stored",
            "07-x.ipynb, cell 4 ('x'): not run when the notebook was stored",
        ], problems);
        Assert.Empty(StoredNotebook.Problems(notebook with { Cells = [stored] }));
        Assert.Equal(["07-x.ipynb: not stored (no code cell has outputs from rnnbook run --store)"], StoredNotebook.Problems(notebook with { Cells = [notRun] }));
        var late = new NotebookCell("d", CellKind.Code, "x", Marked("x")) { ExecutionCount = 5 };
        Assert.Equal(["07-x.ipynb, cell 2 ('x'): execution count 5, expected 2 (every cell run once, in order)"],
            StoredNotebook.Problems(notebook with { Cells = [stored, late] }));
    }

    [Fact]
    public void A_chart_without_its_picture_is_a_problem()
    {
        var chart = new DataOutput(ChartOutput.Bundle("""{"data":[],"layout":{}}""", "c1"));
        var cell = new NotebookCell("a", CellKind.Code, "chart", Marked("chart")) { ExecutionCount = 1, Outputs = [chart] };

        Assert.Equal(["x.ipynb, cell 1 ('chart'): a chart without its static picture"], StoredNotebook.Problems(new Notebook("x.ipynb", [cell], new JsonObject())));
    }

    [BrowserFact]
    public async Task Storing_draws_each_chart_as_a_png_the_same_twice_and_marks_each_code_cell()
    {
        var path = Write(NewFolder(), "chart",
            Code("#r \"nuget: Plotly.NET.CSharp, 0.14.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\""),
            Code("Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 2.0, 3.0 }, y: new[] { 2.0, 1.0, 3.0 })"));
        var run = await Run(path, store: true);
        await using var images = await ChartImages.StartAsync();

        var first = await StoredNotebook.PrepareAsync(run.Executed!, images);
        var second = await StoredNotebook.PrepareAsync(run.Executed!, images);

        var chart = (DataOutput)first.Cells[1].Outputs.Single();
        var png = Convert.FromBase64String(chart.Data[ChartOutput.ImageMimeType]);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var layout = JsonNode.Parse(chart.Data[ChartOutput.FigureMimeType])!["layout"]!;
        Assert.Equal((int?)layout["width"] ?? ChartImages.DefaultWidth, ReadBigEndian(png, 16)); // IHDR: the size the layout asks for
        Assert.Equal((int?)layout["height"] ?? ChartImages.DefaultHeight, ReadBigEndian(png, 20));
        Assert.True(png.Length > 2000, $"a {png.Length}-byte PNG is too small to hold a drawn chart");
        Assert.Equal(2, png[25]); // IHDR colour type 2, RGB: recoded from Chromium's RGBA (PngRecoder)
        Assert.Equal(NotebookWriter.ToJson(first), NotebookWriter.ToJson(second));
        Assert.Empty(StoredNotebook.Problems(first));
    }

    private static int ReadBigEndian(byte[] bytes, int at) => (bytes[at] << 24) | (bytes[at + 1] << 16) | (bytes[at + 2] << 8) | bytes[at + 3];

    private static JsonObject Marked(string source) =>
        new() { ["rnnnotebooks"] = new JsonObject { [StoredNotebook.SourceHashKey] = StoredNotebook.SourceHash(source) } };
}
