using System.Text;
using System.Text.Json.Nodes;
using Plotly.NET;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Plotly charts that draw with no network, in every Jupyter front end:
/// <list type="bullet">
/// <item><c>application/vnd.plotly.v1+json</c>, the figure itself, which VS Code and JupyterLab draw natively;</item>
/// <item><c>text/html</c> that calls <c>Plotly.newPlot</c> on the page's <c>window.Plotly</c> (classic Jupyter
/// Notebook, nbconvert's HTML). plotly.js comes from Plotly.NET's assembly, which embeds it, and is sent once
/// per kernel session, inside the first chart's HTML, instead of from the CDN Plotly.NET's own HTML points at.</item>
/// </list>
/// </summary>
internal sealed class PlotlyOffline
{
    /// <summary>The MIME type of a Plotly figure (data, layout, config) as JSON.</summary>
    public const string FigureMimeType = "application/vnd.plotly.v1+json";

    private static readonly Lazy<string> PlotlyJsInHtml = new(() => Scripts.PlotlyJs.Source.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase));
    private int _sent;

    /// <summary>True once plotly.js has gone out with a chart in this session.</summary>
    public bool HasSentPlotlyJs => Volatile.Read(ref _sent) == 1;

    /// <summary>Puts <paramref name="chart"/> into <paramref name="data"/> as the figure JSON, offline HTML, and a line of text.</summary>
    public void AddTo(JsonObject data, GenericChart chart)
    {
        var figureJson = GenericChart.toJson(chart);
        var figure = JsonNode.Parse(figureJson);
        data[FigureMimeType] = figure;
        data[Engine.Documents.MimeTypes.Html] = Html(figureJson);
        data[Engine.Documents.MimeTypes.PlainText] = $"Plotly chart ({(figure?["data"] as JsonArray)?.Count ?? 0} traces)";
    }

    private string Html(string figureJson)
    {
        var id = "rnnnotebooks-plotly-" + Guid.NewGuid().ToString("N");
        var html = new StringBuilder();
        if (Interlocked.Exchange(ref _sent, 1) == 0)
        {
            html.Append(LoaderScript());
        }
        html.Append("<div id=\"").Append(id).Append("\"></div>\n<script type=\"text/javascript\">\n(function () {\n")
            .Append("  var figure = ").Append(figureJson.Replace("</", "<\\/", StringComparison.Ordinal)).Append(";\n")
            .Append("  var target = document.getElementById('").Append(id).Append("');\n")
            .Append("  if (window.Plotly) { window.Plotly.newPlot(target, figure.data, figure.layout, figure.config || {}); }\n")
            .Append("  else { target.textContent = 'This chart needs plotly.js, which the kernel sends with the first chart of each session: run that cell again.'; }\n")
            .Append("})();\n</script>");
        return html.ToString();
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
