using System.Text.Json.Nodes;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// The course built Release only (<see cref="ReleaseOnlyCopy"/>) runs a notebook in the engine, through the Jupyter
/// kernel and as an exported app: notebooks find the course libraries in artifacts/lib whichever configuration built them.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class ReleaseBuildTests(ReleaseOnlyCopy copy) : IClassFixture<ReleaseOnlyCopy>
{
    private const string Notebook = "01-why-recurrent-networks";

    private string Source => Path.Combine(copy.Root, "notebooks", Notebook + ".ipynb");

    [Fact]
    public void The_Release_build_fills_artifacts_lib_and_builds_nothing_in_Debug()
    {
        Assert.True(copy.Build.ExitCode == 0, $"dotnet build -c Release failed:\n{copy.Build}");
        Assert.True(File.Exists(copy.RnnbookDll), $"{copy.RnnbookDll} is missing");
        foreach (var library in new[] { "RnnNotebooks", "RnnNotebooks.Data", "RnnNotebooks.Plots", "RnnNotebooks.Scripts" })
        {
            Assert.True(File.Exists(Path.Combine(copy.Root, "artifacts", "lib", library + ".dll")), $"artifacts/lib/{library}.dll is missing");
        }
        var debug = Directory.EnumerateDirectories(Path.Combine(copy.Root, "artifacts", "bin"), "debug", SearchOption.AllDirectories).ToList();
        Assert.True(debug.Count == 0, $"a Release build wrote Debug output: {string.Join(", ", debug)}");
    }

    [Fact]
    public async Task The_engine_runs_the_notebook()
    {
        var run = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), [copy.RnnbookDll, "run", Source, "--no-render"], copy.Root, TimeSpan.FromMinutes(5));

        Assert.True(run.ExitCode == 0, $"rnnbook (Release) run {Notebook} failed:\n{run}\n(build: {copy.Build.ExitCode})");
        Assert.True(File.Exists(Path.Combine(copy.Root, "out", "notebooks", Notebook + ".ipynb")));
    }

    [JupyterFact]
    public async Task The_Jupyter_kernel_runs_the_notebook_under_nbconvert()
    {
        var prefix = Directory.CreateTempSubdirectory("rnnbook-release-jupyter-").FullName;
        var executed = Directory.CreateTempSubdirectory("rnnbook-release-nbconvert-").FullName;
        try
        {
            var install = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), [copy.RnnbookDll, "kernel", "install", "--prefix", prefix], prefix, TimeSpan.FromMinutes(2));
            Assert.True(install.ExitCode == 0, $"rnnbook (Release) kernel install failed:\n{install}");

            var run = await Processes.RunAsync(JupyterTools.Jupyter,
                ["nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=rnnnotebooks-csharp", "--ExecutePreprocessor.timeout=600", "--output-dir", executed, Source],
                Path.GetDirectoryName(Source)!, TimeSpan.FromMinutes(10), new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(prefix, "share", "jupyter") });

            Assert.True(run.ExitCode == 0, $"nbconvert with the Release kernel failed:\n{run}");
            var outputs = JsonNode.Parse(File.ReadAllText(Path.Combine(executed, Notebook + ".ipynb")))!["cells"]!.AsArray()
                .SelectMany(cell => cell!["outputs"]?.AsArray() ?? []).ToList();
            Assert.DoesNotContain(outputs, output => (string?)output!["output_type"] == "error");
        }
        finally
        {
            TestFolders.Delete(prefix);
            TestFolders.Delete(executed);
        }
    }

    [Fact]
    public async Task The_exported_app_runs_with_dotnet_run_in_Release()
    {
        var app = Path.Combine(copy.Root, "notebooks", "cs", Notebook + ".cs");

        var run = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), ["run", "-c", "Release", app], copy.Root, TimeSpan.FromMinutes(10));

        Assert.True(run.ExitCode == 0, $"dotnet run -c Release {app} failed:\n{run}");
        Assert.Contains(" = ", run.Output);
    }
}
