using System.Text.Json.Nodes;
using Plotly.NET;
using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Plotly charts that draw with no network, in every Jupyter front end: <see cref="ChartOutput"/>'s bundle (the figure
/// JSON, which VS Code and JupyterLab draw natively; HTML that calls <c>Plotly.newPlot</c> on the page's
/// <c>window.Plotly</c>, for classic Notebook and nbconvert's HTML; the title as text), with plotly.js itself sent
/// once per kernel session, inside the first chart's HTML, instead of from the CDN Plotly.NET's own HTML points at.
/// plotly.js comes from Plotly.NET's assembly, which embeds it.
/// </summary>
internal sealed class PlotlyOffline
{
    private static readonly Lazy<string> PlotlyJsInHtml = new(() => Scripts.PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
    private int sent;

    /// <summary>True once plotly.js has gone out with a chart in this session.</summary>
    public bool HasSentPlotlyJs => Volatile.Read(ref sent) == 1;

    /// <summary>Puts <paramref name="chart"/> into <paramref name="data"/> as the figure JSON, offline HTML, and a line of text.</summary>
    public void AddTo(JsonObject data, GenericChart chart)
    {
        var bundle = ChartOutput.Bundle(GenericChart.toJson(chart), "rnnnotebooks-plotly-" + Guid.NewGuid().ToString("N"));
        data[ChartOutput.FigureMimeType] = JsonNode.Parse(bundle[ChartOutput.FigureMimeType]);
        data[Engine.Documents.MimeTypes.Html] = (Interlocked.Exchange(ref sent, 1) == 0 ? LoaderScript() : "") + bundle[Engine.Documents.MimeTypes.Html];
        data[Engine.Documents.MimeTypes.PlainText] = bundle[Engine.Documents.MimeTypes.PlainText];
    }

    /// <summary>
    /// plotly.js as a script that always sets <c>window.Plotly</c>: classic Notebook has require.js, whose
    /// <c>define</c> would otherwise capture plotly.js as an anonymous module and leave <c>window.Plotly</c> unset.
    /// </summary>
    private static string LoaderScript() =>
        "<script type=\"text/javascript\">\n/* plotly.js from Plotly.NET, sent once per kernel session by the RnnNotebooks kernel */\n" +
        "(function () { var define = undefined, module = undefined, exports = undefined;\n" +
        PlotlyJsInHtml.Value +
        "\n}).call(window);\n</script>\n";
}
