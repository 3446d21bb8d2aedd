using System.Text.Json.Nodes;
using PuppeteerSharp;

namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// Draws charts as PNG pictures: plotly.js (from Plotly.NET's assembly, <see cref="Scripts.PlotlyJs"/>) in a headless
/// Chromium already on the machine (<see cref="BrowserLocation"/>), driven by PuppeteerSharp, with
/// <c>Plotly.toImage</c> at the size the figure's layout asks for, made smaller losslessly by <see cref="PngRecoder"/>.
/// One browser page serves every chart of a run.
/// </summary>
/// <remarks>
/// Plotly.NET.ImageExport does the same from a <c>GenericChart</c>, but a stored notebook holds figure JSON, not the
/// chart objects, and ImageExport starts a browser per picture.
/// </remarks>
public sealed class ChartImages : IAsyncDisposable
{
    /// <summary>Width and height when the layout gives none: plotly.js's own defaults.</summary>
    public const int DefaultWidth = 700, DefaultHeight = 450;

    private readonly IBrowser browser;
    private readonly IPage page;

    private ChartImages(IBrowser browser, IPage page)
    {
        this.browser = browser;
        this.page = page;
    }

    /// <summary>Starts the browser and loads plotly.js into a blank page.</summary>
    /// <exception cref="InvalidOperationException">No browser on this machine; the message says how to get one.</exception>
    public static async Task<ChartImages> StartAsync()
    {
        var executable = BrowserLocation.Executable
            ?? throw new InvalidOperationException($"Storing notebooks draws every chart as a picture in a browser, and there is none: {BrowserLocation.MissingReason}.");
        var browser = await Puppeteer.LaunchAsync(new LaunchOptions { ExecutablePath = executable, Headless = true, Args = BrowserLocation.HeadlessArguments });
        try
        {
            var page = await browser.NewPageAsync();
            await page.SetContentAsync("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body><script>" +
                Scripts.PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script></body></html>");
            return new ChartImages(browser, page);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>The chart of <paramref name="figureJson"/> as a PNG, base64-encoded.</summary>
    /// <param name="figureJson">A Plotly figure: an object with data and layout.</param>
    public async Task<string> PngAsync(string figureJson)
    {
        var layout = JsonNode.Parse(figureJson)?["layout"];
        int width = Size(layout?["width"], DefaultWidth), height = Size(layout?["height"], DefaultHeight);
        var dataUrl = await page.EvaluateFunctionAsync<string>(
            "(json, width, height) => { const f = JSON.parse(json); return Plotly.toImage({ data: f.data, layout: f.layout, config: { staticPlot: true } }, { format: 'png', width: width, height: height }); }",
            figureJson, width, height);
        const string prefix = "data:image/png;base64,";
        if (!dataUrl.StartsWith(prefix, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"plotly.js returned no PNG for a chart (got '{dataUrl[..Math.Min(40, dataUrl.Length)]}').");
        }
        return Convert.ToBase64String(PngRecoder.Recode(Convert.FromBase64String(dataUrl[prefix.Length..])));
    }

    private static int Size(JsonNode? value, int fallback) =>
        value is JsonValue v && v.TryGetValue(out double d) && d >= 10 && d <= 4000 ? (int)d : fallback;

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await page.DisposeAsync();
        await browser.DisposeAsync();
    }
}
