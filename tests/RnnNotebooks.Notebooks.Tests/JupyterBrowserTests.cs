using PuppeteerSharp;
using Xunit.Abstractions;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// A reader's path through classic Jupyter Notebook: Debian's <c>jupyter notebook</c> on 127.0.0.1 with a token,
/// headless Chromium (PuppeteerSharp, <see cref="Browser"/>) opens 00-setup-check, runs all cells from the Cell menu,
/// and the Plotly chart draws (its SVG has line traces) with no request leaving the machine. Keeps a screenshot
/// in artifacts/test-output/screenshot-jupyter.png.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class JupyterBrowserTests(ITestOutputHelper output)
{
    private const string Notebook = "00-setup-check.ipynb";

    [JupyterFact(needsBrowser: true)]
    public async Task Classic_Jupyter_runs_the_notebook_and_draws_the_Plotly_chart_offline()
    {
        await using var server = await NotebookServer.StartAsync(Path.Combine(Repository.Layout.NotebooksFolder, Notebook), await KernelInstallation.EnvironmentAsync());
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = 1200, Height = 900 });
        var offMachine = await Browser.KeepOnTheMachineAsync(tab, $"http://127.0.0.1:{server.Port}/", $"ws://127.0.0.1:{server.Port}/");
        var scriptErrors = Browser.ScriptErrors(tab);

        await tab.GoToAsync(server.NotebookUrl(Notebook));
        await tab.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
            new WaitForFunctionOptions { Timeout = 60_000 });
        await tab.EvaluateFunctionAsync("() => Jupyter.notebook.set_autosave_interval(0)"); // the copy is thrown away anyway
        await tab.Locator("#celllink").ClickAsync();
        await tab.Locator("#run_all_cells > a").ClickAsync();

        const string lines = ".js-plotly-plot .scatterlayer .trace path.js-line";
        await tab.WaitForSelectorAsync(lines, new WaitForSelectorOptions { Visible = true, Timeout = 120_000 });
        await tab.WaitForFunctionAsync("() => Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || (c.input_prompt_number !== '*' && c.input_prompt_number != null))",
            new WaitForFunctionOptions { Timeout = 120_000 });

        output.WriteLine($"{await tab.CountAsync(lines)} line traces drawn\n--- server log\n{server.LogText}");
        Assert.True(await tab.CountAsync(lines) >= 8, "the chart of 8 hidden units drew fewer than 8 lines");
        var firstChart = await tab.QuerySelectorAsync(".js-plotly-plot");
        var chart = firstChart is null ? null : await firstChart.BoundingBoxAsync();
        Assert.True(chart is { Width: > 300, Height: > 200 }, $"the chart's box is {chart?.Width}x{chart?.Height}");
        Assert.Equal(0, await tab.CountAsync(".output_error"));
        Assert.True(await tab.CountAsync("table.deedle-frame") > 0, "the Deedle frame did not show as a table");
        await firstChart!.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync(Path.Combine(Repository.ArtifactsFolder, "screenshot-jupyter.png"));
        Assert.Empty(scriptErrors);
        Assert.True(offMachine.Count == 0, $"requests left the machine: {string.Join(", ", offMachine)}");
    }
}
