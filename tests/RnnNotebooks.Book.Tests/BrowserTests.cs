using Microsoft.Playwright;
using RnnNotebooks.Book;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Opens the rendered book of 00-setup-check in headless Chromium (or Chrome or Edge: <see cref="Browser"/>; driven by
/// Playwright) from file:// with every other request blocked, and checks that a Plotly chart and the equations
/// really drew: every formula is MathML laid out by the browser (a fraction's numerator above its denominator,
/// display math a centred block). Keeps a screenshot in artifacts/test-output/screenshot-book.png.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class BrowserTests
{
    private const string Notebook = "00-setup-check.ipynb";

    /// <summary>The window's width: wide enough for the sidebar, a full text column and the page's sections.</summary>
    private const int Width = 1400;

    [BrowserFact]
    public async Task The_book_draws_a_Plotly_chart_and_equations_offline()
    {
        var page = await RenderExecutedNotebookAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var tab = await browser.NewPageAsync(new() { ViewportSize = new() { Width = Width, Height = 900 } });
        var offMachine = new List<string>();
        await tab.RouteAsync("**/*", route => BlockAllButFilesAsync(route, offMachine));
        var scriptErrors = new List<string>();
        tab.PageError += (_, error) => scriptErrors.Add(error);

        await tab.GotoAsync(new Uri(page).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });

        var chart = tab.Locator(".js-plotly-plot").First;
        await chart.WaitForAsync(new() { Timeout = 15_000 });
        var chartBox = await chart.BoundingBoxAsync();
        Assert.True(chartBox is { Width: > 200, Height: > 200 }, $"the chart's box is {chartBox?.Width}x{chartBox?.Height}");
        Assert.True(await tab.Locator(".js-plotly-plot .scatterlayer .trace path.js-line").CountAsync() > 0, "the chart drew no line");

        var equation = tab.Locator(".math.display math").First;
        await equation.WaitForAsync(new() { Timeout = 5_000 });
        var equationBox = await equation.BoundingBoxAsync();
        Assert.True(equationBox is { Width: > 50, Height: > 10 }, $"the equation's box is {equationBox?.Width}x{equationBox?.Height}");
        Assert.Equal(0, await tab.Locator(".math:not(:has(math))").CountAsync());
        Assert.Equal(0, await tab.Locator(".math-error").CountAsync());
        await AssertFractionsStackAsync(tab);
        await AssertDisplayMathIsCentredAsync(tab);

        await KeepScreenshotAsync(tab, chartBox!);
        Assert.Empty(scriptErrors);
        Assert.Empty(offMachine);
    }

    /// <summary>Every fraction is laid out vertically: its numerator's box lies above its denominator's, and they overlap horizontally.</summary>
    private static async Task AssertFractionsStackAsync(IPage tab)
    {
        var fractions = tab.Locator("mfrac");
        int count = await fractions.CountAsync();
        Assert.True(count > 0, "the page has no <mfrac>");
        for (int i = 0; i < count; i++)
        {
            var numerator = await fractions.Nth(i).Locator(":scope > *").Nth(0).BoundingBoxAsync();
            var denominator = await fractions.Nth(i).Locator(":scope > *").Nth(1).BoundingBoxAsync();
            Assert.True(numerator is { Height: > 5 } && denominator is { Height: > 5 }, $"fraction {i}: a part has no box");
            Assert.True(numerator.Y + numerator.Height <= denominator.Y + 1,
                $"fraction {i}: the numerator (y {numerator.Y}..{numerator.Y + numerator.Height}) is not above the denominator (y from {denominator.Y})");
            Assert.True(numerator.X < denominator.X + denominator.Width && denominator.X < numerator.X + numerator.Width,
                $"fraction {i}: numerator and denominator do not overlap horizontally: they are not stacked");
        }
    }

    /// <summary>Display math is a block as wide as its column, with the formula centred in it; inline math stays in its line.</summary>
    private static async Task AssertDisplayMathIsCentredAsync(IPage tab)
    {
        var layouts = await tab.EvaluateAsync<double[][]>(
            "() => [...document.querySelectorAll('.math.display math')].map(m => {" +
            " const box = m.getBoundingClientRect(), column = m.closest('section').getBoundingClientRect();" +
            " const content = m.firstElementChild.firstElementChild.getBoundingClientRect();" +
            " return [getComputedStyle(m).display.startsWith('block') ? 1 : 0, box.width, column.width, content.left - box.left, box.right - content.right]; })");
        Assert.NotEmpty(layouts);
        foreach (var (layout, i) in layouts.Select((layout, i) => (layout, i)))
        {
            Assert.True(layout[0] == 1, $"display equation {i} is not display: block");
            Assert.True(Math.Abs(layout[1] - layout[2]) <= 1, $"display equation {i} is {layout[1]}px wide in a {layout[2]}px column");
            Assert.True(layout[3] > 20 && Math.Abs(layout[3] - layout[4]) <= 2,
                $"display equation {i} is not centred: {layout[3]}px of space on its left, {layout[4]}px on its right");
        }
        var inline = await tab.EvaluateAsync<string[]>("() => [...document.querySelectorAll('.math:not(.display) math')].map(m => getComputedStyle(m).display)");
        Assert.NotEmpty(inline);
        Assert.All(inline, display => Assert.Contains(display, new[] { "math", "inline math" })); // CSS serialises "inline math" as "math"
    }

    /// <summary>Runs 00-setup-check and renders its page; returns the page's path.</summary>
    private static async Task<string> RenderExecutedNotebookAsync()
    {
        var run = await new NotebookRunner(new RunOptions()).RunAsync(Path.Combine(Repository.Layout.NotebooksFolder, Notebook));
        Assert.True(run.Succeeded, run.Failure?.ToString());
        var folder = Path.Combine(Directory.CreateTempSubdirectory("rnnbook-browser-").FullName, "book");
        BookRenderer.Render([run.Executed!], folder);
        return Path.Combine(folder, Path.ChangeExtension(Notebook, ".html"));
    }

    /// <summary>Lets a file:// request through; refuses any other and adds its address to <paramref name="offMachine"/>.</summary>
    internal static async Task BlockAllButFilesAsync(IRoute route, List<string> offMachine)
    {
        if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal))
        {
            await route.ContinueAsync();
            return;
        }
        lock (offMachine)
        {
            offMachine.Add(route.Request.Url);
        }
        await route.AbortAsync();
    }

    /// <summary>A screenshot from the last display equation with a fraction above the chart down to the chart's bottom.</summary>
    private static async Task KeepScreenshotAsync(IPage tab, LocatorBoundingBoxResult chart)
    {
        var scroll = await tab.EvaluateAsync<double>("window.scrollY");
        double chartTop = scroll + chart.Y, chartBottom = chartTop + chart.Height;
        var equationTop = await tab.EvaluateAsync<double>(
            "chartTop => Math.max(-1, ...[...document.querySelectorAll('.math.display math')].filter(m => m.querySelector('mfrac'))" +
            ".map(m => m.getBoundingClientRect()).filter(r => r.height > 0 && r.bottom + window.scrollY < chartTop).map(r => r.top + window.scrollY))",
            chartTop);
        Assert.True(equationTop >= 0, "no display equation with a fraction above the chart");
        var top = Math.Max(0, equationTop - 150);
        Assert.True(chartBottom - top < 2000, $"the last equation is {chartTop - equationTop}px above the chart: too far for one picture");
        var path = Path.Combine(Repository.ArtifactsFolder, "screenshot-book.png");
        await tab.ScreenshotAsync(new()
        {
            Path = path,
            FullPage = true,
            Clip = new Clip { X = 0, Y = (float)top, Width = Width, Height = (float)(chartBottom + 20 - top) },
        });
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is nearly empty");
    }
}
