using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine;
using RnnNotebooks.Engine.Export;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// <c>rnnbook export</c>: notebooks as .NET file-based apps. The committed notebooks/cs/*.cs are what a fresh
/// export writes, each builds, and two of them run to their end with <c>dotnet run</c>.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class ExportTests
{
    private static string ExportFolder => Path.Combine(Repository.Layout.NotebooksFolder, NotebookExporter.DefaultFolder);

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void The_committed_export_is_up_to_date(string notebook)
    {
        var source = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook));
        var exported = Path.Combine(ExportFolder, source.Name + ".cs");

        Assert.True(File.Exists(exported), $"{exported} is missing: run `rnnbook export`.");
        Assert.True(NotebookExporter.Export(source, ExportFolder, Repository.Layout.Root) == File.ReadAllText(exported),
            $"{exported} is out of date: run `rnnbook export` (dotnet run --project lib/RnnNotebooks.Cli -- export).");
    }

    [Fact]
    public async Task The_exported_setup_check_runs_with_dotnet_run_and_writes_its_chart()
    {
        var app = Path.Combine(ExportFolder, "00-setup-check.cs");

        var run = await Processes.RunAsync(global::RnnNotebooks.Jupyter.KernelCommandLine.DotnetHost(), ["run", app], Repository.Layout.Root, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"dotnet run {app} failed:\n{run}");
        Assert.Contains("shapes ok", run.Output);
        Assert.Matches(@"loss per step = \d", run.Output);
        var chart = Path.Combine(ExportFolder, "charts", "00-setup-check", "chart-1.html");
        Assert.Contains("Plotly.newPlot", File.ReadAllText(chart));
        Assert.True(new FileInfo(Path.Combine(ExportFolder, "charts", "00-setup-check", "plotly.min.js")).Length > 1_000_000);
    }

    /// <summary>
    /// Every exported app compiles. Only two run to their end (the setup check above, and forward propagation below):
    /// the course run (<see cref="CourseRun"/>) already trains every notebook's models once per test run, and running
    /// each exported application too would train them a second time, which the test budget cannot afford as notebooks
    /// are added. The export is the same transformation for every notebook, so two runs cover its mechanics.
    /// </summary>
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public async Task Every_exported_notebook_builds(string notebook)
    {
        var app = ExportedApp(notebook);

        var build = await Processes.RunAsync(global::RnnNotebooks.Jupyter.KernelCommandLine.DotnetHost(), ["build", app], Repository.Layout.Root, TimeSpan.FromMinutes(5));

        Assert.True(build.ExitCode == 0, $"dotnet build {app} failed:\n{build}");
    }

    [Fact]
    public async Task The_exported_forward_propagation_notebook_runs_to_the_end_and_reports_every_promised_figure()
    {
        const string notebook = "02-forward-propagation.ipynb";
        var app = ExportedApp(notebook);

        var run = await Processes.RunAsync(global::RnnNotebooks.Jupyter.KernelCommandLine.DotnetHost(), ["run", app], Repository.Layout.Root, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"dotnet run {app} failed:\n{run}");
        var promised = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook))
            .Metadata[FigureExpectations.MetadataKey]?["expect"]?.AsObject().Select(pair => pair.Key).ToList() ?? [];
        Assert.NotEmpty(promised);
        Assert.All(promised, name => Assert.Contains($"{name} = ", run.Output));
    }

    private static string ExportedApp(string notebook) =>
        Path.Combine(ExportFolder, NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook)).Name + ".cs");
}
