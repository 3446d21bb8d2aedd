using System.Text.Json.Nodes;
using RnnNotebooks.Engine;
using Xunit.Abstractions;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// Every notebook in notebooks/ runs top to bottom through <c>rnnbook run</c> and reaches the figures its metadata
/// promises (one case per notebook, found at run time), and the book lists every chapter, also after one notebook
/// is run again.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookTests(CourseRun course, ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void Notebook_runs_top_to_bottom_and_reaches_its_figures(string notebook)
    {
        output.WriteLine(course.Console);
        var failed = course.Errors.Split('\n').Where(line => line.StartsWith("FAILED ", StringComparison.Ordinal) && line.Contains(notebook, StringComparison.Ordinal)).ToList();
        Assert.True(failed.Count == 0, string.Join("\n", failed));
        Assert.True(File.Exists(course.Executed(notebook)), $"rnnbook wrote no executed copy of {notebook}:\n{course.Errors}");

        var cells = JsonNode.Parse(File.ReadAllText(course.Executed(notebook)))!["cells"]!.AsArray()
            .Where(cell => (string?)cell!["cell_type"] == "code").ToList();
        Assert.True(cells.Count > 0, $"{notebook} has no code cell.");
        Assert.All(cells, cell => Assert.NotNull(cell!["execution_count"]?.GetValue<int?>()));
    }

    [CiFact(".ci/run sets RNNNOTEBOOKS_DATA=../shared/data")]
    public void Every_notebook_with_real_data_figures_found_its_real_data()
    {
        foreach (var path in RepositoryLayout.NotebooksIn(Repository.Layout.NotebooksFolder))
        {
            if (JsonNode.Parse(File.ReadAllText(path))!["metadata"]?["rnnnotebooks"]?["expectWithRealData"] is not JsonObject { Count: > 0 })
            {
                continue;
            }
            var notebook = Path.GetFileName(path);
            var text = string.Concat(JsonNode.Parse(File.ReadAllText(course.Executed(notebook)))!["cells"]!.AsArray()
                .SelectMany(cell => cell!["outputs"]?.AsArray() ?? [])
                .Select(output => output!["data"]?["text/plain"]?.ToString() ?? ""));
            Assert.True(text.Contains("real data = 1", StringComparison.Ordinal),
                $"{notebook} did not find its real dataset, so its real-data figures (metadata expectWithRealData) went unchecked.");
        }
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void No_stored_code_cell_lacks_an_output_that_the_same_cell_has_when_run(string notebook)
    {
        var stored = CodeCells(Path.Combine(Repository.Layout.NotebooksFolder, notebook));
        var run = CodeCells(course.Executed(notebook));
        Assert.True(stored.Count == run.Count, $"{notebook}: {stored.Count} code cells stored, {run.Count} run.");

        var lacking = Enumerable.Range(0, run.Count)
            .Where(i => OutputCount(run[i]) > 0 && OutputCount(stored[i]) == 0)
            .Select(i => $"code cell {i + 1} ('{FirstLine(stored[i])}'): {OutputCount(run[i])} outputs when run, none stored")
            .ToList();

        Assert.True(lacking.Count == 0, $"{notebook} is stored without outputs its run shows (store it again with the real datasets: "
            + $"{Engine.Storing.StoredNotebook.RefreshCommand}):\n{string.Join("\n", lacking)}");
    }

    private static List<JsonNode> CodeCells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))!["cells"]!.AsArray().Where(cell => (string?)cell!["cell_type"] == "code").Select(cell => cell!).ToList();

    private static int OutputCount(JsonNode cell) => cell["outputs"]?.AsArray().Count ?? 0;

    private static string FirstLine(JsonNode cell) =>
        string.Concat(cell["source"]!.AsArray().Select(line => (string?)line)).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "";

    [Fact]
    public void The_whole_course_run_succeeds()
    {
        Assert.True(course.ExitCode == 0, $"rnnbook run exited with {course.ExitCode}:\n{course.Errors}\n{course.Console}");
    }

    [Fact]
    public async Task After_one_notebook_runs_again_the_contents_page_still_links_every_chapter()
    {
        var chapters = RepositoryLayout.NotebooksIn(Repository.Layout.NotebooksFolder).Select(Path.GetFileNameWithoutExtension).ToList();
        var again = Path.Combine(Repository.Layout.NotebooksFolder, "00-setup-check.ipynb");

        var (exitCode, text, errors) = await Rnnbook.RunAsync("run", again, "--output", course.Output);

        Assert.True(exitCode == 0, $"{errors}\n{text}");
        var index = File.ReadAllText(course.Index);
        Assert.All(chapters, chapter =>
        {
            Assert.Contains($"href=\"{chapter}.html\"", index);
            Assert.True(File.Exists(Path.Combine(course.Output, "book", chapter + ".html")), $"{chapter}.html is linked but missing");
        });
        var order = chapters.Select(chapter => index.IndexOf($"href=\"{chapter}.html\"", StringComparison.Ordinal)).ToList();
        Assert.Equal(order.Order(), order);
    }
}
