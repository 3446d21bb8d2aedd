using Microsoft.Playwright;
using Xunit.Abstractions;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// A reader's path through classic Jupyter Notebook: Debian's <c>jupyter notebook</c> on 127.0.0.1 with a token,
/// headless Chromium (Playwright, <see cref="Browser"/>) opens 00-setup-check, runs all cells from the Cell menu,
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
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var tab = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
        var offMachine = new List<string>();
        await tab.RouteAsync("**/*", route => KeepOnTheMachineAsync(route, server.Port, offMachine));
        var scriptErrors = new List<string>();
        tab.PageError += (_, error) => scriptErrors.Add(error);

        await tab.GotoAsync(server.NotebookUrl(Notebook));
        await tab.WaitForFunctionAsync("() => window.Jupyter && Jupyter.notebook && Jupyter.notebook.kernel && Jupyter.notebook.kernel.is_connected()",
            null, new() { Timeout = 60_000 });
        await tab.EvaluateAsync("() => Jupyter.notebook.set_autosave_interval(0)"); // the copy is thrown away anyway
        await tab.ClickAsync("#celllink");
        await tab.ClickAsync("#run_all_cells > a");

        var lines = tab.Locator(".js-plotly-plot .scatterlayer .trace path.js-line");
        await lines.First.WaitForAsync(new() { Timeout = 120_000 });
        await tab.WaitForFunctionAsync("() => Jupyter.notebook.get_cells().every(c => c.cell_type !== 'code' || (c.input_prompt_number !== '*' && c.input_prompt_number != null))",
            null, new() { Timeout = 120_000 });

        output.WriteLine($"{await lines.CountAsync()} line traces drawn\n--- server log\n{server.LogText}");
        Assert.True(await lines.CountAsync() >= 8, "the chart of 8 hidden units drew fewer than 8 lines");
        var chart = await tab.Locator(".js-plotly-plot").First.BoundingBoxAsync();
        Assert.True(chart is { Width: > 300, Height: > 200 }, $"the chart's box is {chart?.Width}x{chart?.Height}");
        Assert.Equal(0, await tab.Locator(".output_error").CountAsync());
        Assert.True(await tab.Locator("table.deedle-frame").CountAsync() > 0, "the Deedle frame did not show as a table");
        await tab.Locator(".js-plotly-plot").First.ScrollIntoViewIfNeededAsync();
        await tab.ScreenshotAsync(new() { Path = Path.Combine(Repository.ArtifactsFolder, "screenshot-jupyter.png") });
        Assert.Empty(scriptErrors);
        Assert.True(offMachine.Count == 0, $"requests left the machine: {string.Join(", ", offMachine)}");
    }

    private static async Task KeepOnTheMachineAsync(IRoute route, int port, List<string> offMachine)
    {
        var url = route.Request.Url;
        if (url.StartsWith($"http://127.0.0.1:{port}/", StringComparison.Ordinal) || url.StartsWith($"ws://127.0.0.1:{port}/", StringComparison.Ordinal)
            || url.StartsWith("data:", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }
        lock (offMachine)
        {
            offMachine.Add(url);
        }
        await route.AbortAsync();
    }
}
