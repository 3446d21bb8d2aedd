using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// A course notebook executes under the real Jupyter client — <c>jupyter nbconvert --execute</c> with the
/// <c>rnnnotebooks-csharp</c> kernel — not only under rnnbook. One notebook, not every one: the kernel runs cells in the
/// same engine as <see cref="CourseRun"/>, which runs every notebook once per test run, so repeating each notebook here
/// would only repeat its training. 02 is short and shows what a front end receives: charts, Deedle tables, figures.
/// (<see cref="ReleaseBuildTests"/> runs 01 under nbconvert too, from a Release build.)
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class NbconvertTests(ITestOutputHelper output)
{
    [JupyterFact]
    public async Task Nbconvert_executes_a_course_notebook_with_the_kernel()
    {
        const string notebook = "02-forward-propagation.ipynb";
        var outputFolder = Directory.CreateTempSubdirectory("rnnbook-nbconvert-").FullName;
        var source = Path.Combine(Repository.Layout.NotebooksFolder, notebook);

        var run = await Processes.RunAsync(JupyterTools.Jupyter,
            ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=rnnnotebooks-csharp",
             "--ExecutePreprocessor.timeout=600", "--output-dir", outputFolder, source],
            Repository.Layout.NotebooksFolder, TimeSpan.FromMinutes(15), await KernelInstallation.EnvironmentAsync());

        output.WriteLine(run.Errors);
        Assert.True(run.ExitCode == 0, $"nbconvert failed on {notebook}:\n{run}");
        var executed = JsonNode.Parse(File.ReadAllText(Path.Combine(outputFolder, notebook)))!;
        var cells = executed["cells"]!.AsArray().Where(cell => (string?)cell!["cell_type"] == "code").ToList();
        Assert.All(cells, cell => Assert.NotNull(cell!["execution_count"]?.GetValue<int?>()));
        var errors = cells.SelectMany(cell => cell!["outputs"]!.AsArray()).Where(o => (string?)o!["output_type"] == "error").ToList();
        Assert.True(errors.Count == 0, $"{notebook} has error outputs: {string.Join("\n", errors)}");
        Assert.Equal("rnnnotebooks-csharp", (string?)executed["metadata"]!["kernelspec"]!["name"]);
    }
}
