using PuppeteerSharp;
using PuppeteerSharp.Media;
using RnnNotebooks.Book;
using RnnNotebooks.Engine;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Opens the rendered book of 00-setup-check in headless Chromium (or Chrome or Edge: <see cref="Browser"/>; driven by
/// PuppeteerSharp) from file:// with every other request blocked, and checks that a Plotly chart and the equations
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
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await tab.SetViewportAsync(new ViewPortOptions { Width = Width, Height = 900 });
        var offMachine = await Browser.KeepOnTheMachineAsync(tab);
        var scriptErrors = Browser.ScriptErrors(tab);

        await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);

        var chart = await tab.WaitForSelectorAsync(".js-plotly-plot", new WaitForSelectorOptions { Visible = true, Timeout = 15_000 });
        var chartBox = await chart.BoundingBoxAsync();
        Assert.True(chartBox is { Width: > 200, Height: > 200 }, $"the chart's box is {chartBox?.Width}x{chartBox?.Height}");
        Assert.True(await tab.CountAsync(".js-plotly-plot .scatterlayer .trace path.js-line") > 0, "the chart drew no line");

        var equation = await tab.WaitForSelectorAsync(".math.display math", new WaitForSelectorOptions { Visible = true, Timeout = 5_000 });
        var equationBox = await equation.BoundingBoxAsync();
        Assert.True(equationBox is { Width: > 50, Height: > 10 }, $"the equation's box is {equationBox?.Width}x{equationBox?.Height}");
        Assert.Equal(0, await tab.CountAsync(".math:not(:has(math))"));
        Assert.Equal(0, await tab.CountAsync(".math-error"));
        await AssertFractionsStackAsync(tab);
        await AssertDisplayMathIsCentredAsync(tab);

        await KeepScreenshotAsync(tab, chartBox!);
        Assert.Empty(scriptErrors);
        Assert.Empty(offMachine);
    }

    /// <summary>Every fraction is laid out vertically: its numerator's box lies above its denominator's, and they overlap horizontally.</summary>
    private static async Task AssertFractionsStackAsync(IPage tab)
    {
        var fractions = await tab.QuerySelectorAllAsync("mfrac");
        Assert.True(fractions.Length > 0, "the page has no <mfrac>");
        for (int i = 0; i < fractions.Length; i++)
        {
            var parts = await fractions[i].QuerySelectorAllAsync(":scope > *");
            Assert.True(parts.Length >= 2, $"fraction {i} has {parts.Length} parts");
            var numerator = await parts[0].BoundingBoxAsync();
            var denominator = await parts[1].BoundingBoxAsync();
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
        var layouts = await tab.EvaluateFunctionAsync<double[][]>(
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
        var inline = await tab.EvaluateFunctionAsync<string[]>("() => [...document.querySelectorAll('.math:not(.display) math')].map(m => getComputedStyle(m).display)");
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

    /// <summary>A screenshot from the last display equation with a fraction above the chart down to the chart's bottom.</summary>
    private static async Task KeepScreenshotAsync(IPage tab, BoundingBox chart)
    {
        var scroll = await tab.EvaluateExpressionAsync<double>("window.scrollY");
        double chartTop = scroll + (double)chart.Y, chartBottom = chartTop + (double)chart.Height;
        var equationTop = await tab.EvaluateFunctionAsync<double>(
            "chartTop => Math.max(-1, ...[...document.querySelectorAll('.math.display math')].filter(m => m.querySelector('mfrac'))" +
            ".map(m => m.getBoundingClientRect()).filter(r => r.height > 0 && r.bottom + window.scrollY < chartTop).map(r => r.top + window.scrollY))",
            chartTop);
        Assert.True(equationTop >= 0, "no display equation with a fraction above the chart");
        var top = Math.Max(0, equationTop - 150);
        Assert.True(chartBottom - top < 2000, $"the last equation is {chartTop - equationTop}px above the chart: too far for one picture");
        var path = Path.Combine(Repository.ArtifactsFolder, "screenshot-book.png");
        await tab.ScreenshotAsync(path, new ScreenshotOptions
        {
            CaptureBeyondViewport = true,
            Clip = new Clip { X = 0, Y = (decimal)top, Width = Width, Height = (decimal)(chartBottom + 20 - top) },
        });
        Assert.True(new FileInfo(path).Length > 10_000, "the screenshot is nearly empty");
    }
}
