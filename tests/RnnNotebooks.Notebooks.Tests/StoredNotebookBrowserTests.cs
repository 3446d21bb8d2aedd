using System.Diagnostics;
using System.Text.Json.Nodes;
using PuppeteerSharp;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;
using Xunit.Abstractions;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// Stored notebooks where readers open them without running them: re-storing one on this machine changes no byte; one
/// that trains, stored under a narrower instruction set than this CPU's, shows the same outputs cell by cell; the classic
/// Jupyter Notebook shows every chart of an untrusted notebook (its picture); nbconvert's HTML, read with JavaScript off,
/// shows them too. Screenshots go to artifacts/test-output.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class StoredNotebookBrowserTests(ITestOutputHelper output)
{
    /// <summary>Short (seconds) and with four charts.</summary>
    private const string Short = "02-forward-propagation.ipynb";

    /// <summary>The notebook with the most charts of 00-03; it trains several models (BPTT, clipping, truncation, a character model).</summary>
    private const string Charted = "03-backpropagation-through-time.ipynb";

    private static string StoredPath(string notebook) => Path.Combine(Repository.Layout.NotebooksFolder, notebook);

    private static int ChartsIn(string notebook) =>
        NotebookReader.Read(StoredPath(notebook)).CodeCells.SelectMany(cell => cell.Outputs).OfType<DataOutput>().Count(data => ChartOutput.IsChart(data.Data));

    [BrowserFact]
    public async Task Storing_a_notebook_again_on_this_machine_changes_no_byte()
    {
        var folder = Directory.CreateTempSubdirectory("rnnbook-restore-").FullName;

        var (exitCode, console, errors) = await Rnnbook.RunAsync("run", StoredPath(Short), "--store", "--output", folder, "--no-render");

        Assert.True(exitCode == 0, $"rnnbook run --store failed:\n{errors}\n{console}");
        var again = File.ReadAllLines(Path.Combine(folder, "notebooks", Short));
        var stored = File.ReadAllLines(StoredPath(Short));
        int first = Enumerable.Range(0, Math.Min(again.Length, stored.Length)).FirstOrDefault(i => again[i] != stored[i], -1);
        Assert.True(first < 0 && again.Length == stored.Length,
            $"{Short} stored again differs from the one in notebooks/ at line {first + 1}:\n  stored: {Clip(stored, first)}\n  again:  {Clip(again, first)}\n" +
            $"a re-run must reproduce it; if the code changed, refresh with\n  {StoredNotebook.RefreshCommand}");
    }

    /// <summary>Storing 03 takes about half a minute alone; a shared 2-core machine takes several times that.</summary>
    private static readonly TimeSpan StoreLimit = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The notebooks are stored on one machine and read (and re-run) on others: 03, which trains, stored by rnnbook in a
    /// child process that computes as a narrower CPU would (<see cref="InstructionSet.SecondOfThisProcess"/>: without AVX-512
    /// here, as an AVX2 laptop), must show every code cell's outputs as committed. Cells calling TorchSharp are exempt
    /// (<see cref="StoredOutputs.CallsTorch"/>).
    /// </summary>
    [BrowserFact]
    public async Task A_notebook_that_trains_stores_the_same_outputs_under_a_second_instruction_set()
    {
        if (InstructionSet.SecondOfThisProcess() is not { } set)
        {
            output.WriteLine("this process has no hardware vectors to switch off: there is no second instruction set to store under");
            return;
        }
        var folder = Directory.CreateTempSubdirectory("rnnbook-restore-isa-").FullName;

        var clock = Stopwatch.StartNew();
        var run = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(),
            [Repository.RnnbookDll, "run", StoredPath(Charted), "--store", "--output", folder, "--no-render"], Repository.Layout.Root, StoreLimit, set.Environment);
        output.WriteLine($"stored {Charted} under {set.Name} in a child process: {clock.Elapsed.TotalSeconds:F1} s");

        Assert.True(run.ExitCode == 0, $"rnnbook run --store under {set.Name} failed: {run}");
        var difference = StoredOutputs.FirstDifference(StoredPath(Charted), Path.Combine(folder, "notebooks", Charted));
        Assert.True(difference is null,
            $"{Charted} stored under {set.Name} shows other outputs than the one in notebooks/, first at {difference}\n" +
            $"the same seed must give the same numbers on every instruction set; once the arithmetic is, refresh with\n  {StoredNotebook.RefreshCommand}");
    }

    private static string Clip(string[] lines, int index) =>
        index < 0 || index >= lines.Length ? "(end of file)" : lines[index].Length > 160 ? lines[index][..160] + "…" : lines[index];

    [JupyterFact(needsBrowser: true)]
    public async Task Classic_Jupyter_shows_every_chart_of_an_untrusted_stored_notebook_as_its_picture()
    {
        int charts = ChartsIn(Charted);
        await using var server = await NotebookServer.StartAsync(StoredPath(Charted), await KernelInstallation.EnvironmentAsync());
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });

        await tab.GoToAsync(server.NotebookUrl(Charted));
        await tab.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook._fully_loaded", new WaitForFunctionOptions { Timeout = 60_000 });
        await tab.WaitForFunctionAsync("n => Array.from(document.querySelectorAll('.output_area img.rnnnotebooks-chart-image')).filter(i => i.complete && i.naturalWidth > 0).length >= n",
            new WaitForFunctionOptions { Timeout = 30_000 }, charts);
        var pictures = await tab.QuerySelectorAllAsync(".output_area img.rnnnotebooks-chart-image");

        Assert.False(await tab.EvaluateFunctionAsync<bool>("() => Jupyter.notebook.trusted"), "the copy from the repository should open untrusted");
        Assert.Equal(charts, pictures.Length);
        Assert.Equal(0, await tab.CountAsync(".js-plotly-plot")); // untrusted: no script ran, the pictures stand in
        foreach (var picture in pictures)
        {
            var box = await picture.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 200 }, $"a chart's picture shows at {box?.Width}x{box?.Height}");
        }
        await pictures[charts / 2].ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync(Path.Combine(Repository.ArtifactsFolder, "screenshot-untrusted-classic-notebook.png"));
        output.WriteLine($"{charts} chart pictures shown, untrusted");
    }

    [JupyterFact(needsBrowser: true)]
    public async Task Nbconvert_html_read_without_javascript_shows_every_chart_as_its_picture()
    {
        int charts = ChartsIn(Short);
        var folder = Directory.CreateTempSubdirectory("rnnbook-nbconvert-html-").FullName;
        var run = await Processes.RunAsync(JupyterTools.Jupyter, ["nbconvert", "--to", "html", "--output-dir", folder, StoredPath(Short)],
            folder, TimeSpan.FromMinutes(5), await KernelInstallation.EnvironmentAsync());
        Assert.True(run.ExitCode == 0, $"nbconvert --to html failed:\n{run}");
        var html = Path.Combine(folder, Path.ChangeExtension(Short, ".html"));

        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await tab.SetJavaScriptEnabledAsync(false);
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1100, Height = 900 });
        await Browser.KeepOnTheMachineAsync(tab); // nbconvert's page names require.js and MathJax on a CDN: refused, as offline
        await tab.GoToAsync(new Uri(html).AbsoluteUri);

        var pictures = await tab.QuerySelectorAllAsync("img.rnnnotebooks-chart-image");
        Assert.Equal(charts, pictures.Length);
        foreach (var picture in pictures)
        {
            await picture.ScrollIntoViewIfNeededAsync();
            var box = await picture.BoundingBoxAsync();
            Assert.True(box is { Width: > 300, Height: > 200 }, $"a chart's picture shows at {box?.Width}x{box?.Height}");
            Assert.True(await picture.EvaluateFunctionAsync<bool>("i => i.complete && i.naturalWidth > 0"), "a chart's picture did not load");
        }
        await pictures[0].ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync(Path.Combine(Repository.ArtifactsFolder, "screenshot-nbconvert-no-javascript.png"));
    }
}
