using RnnNotebooks.Notebooks.Documents;
using RnnNotebooks.Notebooks.Engine;
using RnnNotebooks.Notebooks.Export;
using RnnNotebooks.Notebooks.Tests.Jupyter;
using static RnnNotebooks.Notebooks.Tests.TestNotebook;

namespace RnnNotebooks.Notebooks.Tests.Export;

/// <summary>
/// <c>rnnbook export</c>: notebooks as .NET file-based apps. The committed notebooks/cs/*.cs are what a fresh
/// export writes, and each runs to its end with <c>dotnet run</c>.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class ExportTests
{
    private static string ExportFolder => Path.Combine(Repository.Layout.NotebooksFolder, NotebookExporter.DefaultFolder);

    [Theory]
    [MemberData(nameof(NotebookTests.Notebooks), MemberType = typeof(NotebookTests))]
    public void The_committed_export_is_up_to_date(string notebook)
    {
        var source = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook));
        var exported = Path.Combine(ExportFolder, source.Name + ".cs");

        Assert.True(File.Exists(exported), $"{exported} is missing: run `rnnbook export`.");
        Assert.True(NotebookExporter.Export(source, ExportFolder, Repository.Layout.Root) == File.ReadAllText(exported),
            $"{exported} is out of date: run `rnnbook export` (dotnet run --project lib/RnnNotebooks.Notebooks -- export).");
    }

    [Fact]
    public async Task The_exported_setup_check_runs_with_dotnet_run_and_writes_its_chart()
    {
        var app = Path.Combine(ExportFolder, "00-setup-check.cs");

        var run = await Processes.RunAsync(Kernel.KernelCommandLine.DotnetHost(), ["run", app], Repository.Layout.Root, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"dotnet run {app} failed:\n{run}");
        Assert.Contains("shapes ok", run.Output);
        Assert.Matches(@"loss per step = \d", run.Output);
        var chart = Path.Combine(ExportFolder, "charts", "00-setup-check", "chart-1.html");
        Assert.Contains("Plotly.newPlot", File.ReadAllText(chart));
        Assert.True(new FileInfo(Path.Combine(ExportFolder, "charts", "00-setup-check", "plotly.min.js")).Length > 1_000_000);
    }

    [Theory]
    [MemberData(nameof(NotebookTests.Notebooks), MemberType = typeof(NotebookTests))]
    public async Task Every_exported_notebook_runs_to_the_end_and_reports_its_figures(string notebook)
    {
        var source = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook));
        var app = Path.Combine(ExportFolder, source.Name + ".cs");

        var run = await Processes.RunAsync(Kernel.KernelCommandLine.DotnetHost(), ["run", app], Repository.Layout.Root, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"dotnet run {app} failed:\n{run}");
        var promised = source.Metadata[FigureExpectations.MetadataKey]?["expect"]?.AsObject().Select(pair => pair.Key) ?? [];
        Assert.All(promised, name => Assert.Contains($"{name} = ", run.Output));
    }

    [Fact]
    public void A_cell_becomes_directives_usings_statements_and_types_in_their_places()
    {
        var folder = NewFolder();
        var path = Write(folder, "10-demo", Markdown("# Demo\n\nProse."),
            Code("#r \"nuget: Deedle, 8.1.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\nusing Deedle;\nrecord Point(int X);\nvar p = new Point(3);\np.X * 2"));

        var text = NotebookExporter.Export(NotebookReader.Read(path), Path.Combine(folder, "cs"), Repository.Layout.Root);

        Assert.Contains("#:package Deedle@8.1.0\n", text);
        Assert.DoesNotContain("Plotly.NET.Interactive", text);
        Assert.Contains("\nusing Deedle;\n", text);
        Assert.Contains("// # Demo\n//\n// Prose.\n", text);
        Assert.Contains("var p = new Point(3);\nNotebookScript.Show(p.X * 2);\n", text);
        Assert.True(text.IndexOf("record Point(int X);", StringComparison.Ordinal) > text.IndexOf("Show(p.X * 2);", StringComparison.Ordinal),
            "the record must follow the top-level statements");
    }

    [Fact]
    public void A_reference_to_a_dll_no_project_builds_is_refused_naming_the_cell()
    {
        var folder = NewFolder();
        var path = Write(folder, "11-bad", Code("#r \"../elsewhere/Mystery.dll\""));

        var e = Assert.Throws<ExportException>(() => NotebookExporter.Export(NotebookReader.Read(path), Path.Combine(folder, "cs"), Repository.Layout.Root));

        Assert.StartsWith($"{path}: cell 1: #r \"../elsewhere/Mystery.dll\"", e.Message);
        Assert.Contains("is not built by a project in lib/", e.Message);
    }
}
