using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// A Plotly chart as one output bundle that every viewer can show:
/// <list type="bullet">
/// <item><c>application/vnd.plotly.v1+json</c>, the figure, which VS Code and JupyterLab draw themselves;</item>
/// <item><c>image/png</c>, a static picture (once <see cref="WithImage"/> added it), for GitHub, nbviewer and any viewer
/// that runs no script;</item>
/// <item><c>text/html</c>: the same picture as an <c>&lt;img&gt;</c>, then a script that draws the interactive chart over
/// it with the page's plotly.js (the book, a live kernel session) or plotly.js from its CDN through require.js (a trusted
/// classic Notebook, online), and removes the picture once the chart is drawn. Where the script is stripped (an untrusted
/// notebook, nbconvert's HTML without JavaScript) or cannot load plotly.js (offline), the picture stays;</item>
/// <item><c>text/plain</c>, the chart's title.</item>
/// </list>
/// Numbers in the figure are rounded to <see cref="SignificantDigits"/> significant digits: far finer than a pixel, and
/// a re-run on another CPU, which may differ in the last bits, then stores the same text.
/// </summary>
public static class ChartOutput
{
    /// <summary>The MIME type of a Plotly figure (data, layout, config) as JSON.</summary>
    public const string FigureMimeType = "application/vnd.plotly.v1+json";

    /// <summary>The MIME type of the static picture.</summary>
    public const string ImageMimeType = "image/png";

    /// <summary>Significant digits kept of every non-integer number in the figure.</summary>
    public const int SignificantDigits = 6;

    /// <summary>The class of the chart's static picture inside the HTML.</summary>
    public const string ImageClass = "rnnnotebooks-chart-image";

    /// <summary>The bundle of a chart without a picture yet: figure JSON, HTML that draws it, and its title as text.</summary>
    /// <param name="figureJson">Plotly's figure JSON (<c>GenericChart.toJson</c>): an object with data and layout.</param>
    /// <param name="id">The id of the HTML element the chart is drawn in, unique on a page.</param>
    /// <exception cref="ArgumentException">The JSON is not a figure object.</exception>
    public static Dictionary<string, string> Bundle(string figureJson, string id)
    {
        var figure = Rounded(figureJson);
        return new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [FigureMimeType] = figure,
            [MimeTypes.Html] = Html(figure, id, pngBase64: null),
            [MimeTypes.PlainText] = PlainText(figure),
        };
    }

    /// <summary>A deterministic element id for a chart: its cell's execution count, its place among the cell's outputs, and a hash of its figure.</summary>
    public static string IdFor(int? executionCount, int outputIndex, string figureJson) =>
        $"rnnnotebooks-chart-{executionCount ?? 0}-{outputIndex}-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..8]}";

    /// <summary>True when <paramref name="data"/> is a chart's bundle.</summary>
    public static bool IsChart(IReadOnlyDictionary<string, string> data) => data.ContainsKey(FigureMimeType);

    /// <summary>The figure JSON of a chart's bundle.</summary>
    public static string Figure(IReadOnlyDictionary<string, string> data) => data[FigureMimeType];

    /// <summary>The HTML element id a chart's bundle draws in.</summary>
    public static string IdOf(IReadOnlyDictionary<string, string> data)
    {
        var html = data[MimeTypes.Html];
        const string marker = "<div id=\"";
        int start = html.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return html[start..html.IndexOf('"', start)];
    }

    /// <summary>The bundle with <paramref name="pngBase64"/> as its <c>image/png</c> and as the HTML's static picture.</summary>
    public static Dictionary<string, string> WithImage(IReadOnlyDictionary<string, string> data, string pngBase64)
    {
        var figure = Figure(data);
        return new Dictionary<string, string>(data, StringComparer.Ordinal)
        {
            [ImageMimeType] = pngBase64,
            [MimeTypes.Html] = Html(figure, IdOf(data), pngBase64),
        };
    }

    /// <summary>The figure's title, or "Plotly chart" with its number of traces.</summary>
    private static string PlainText(string figure)
    {
        var root = JsonNode.Parse(figure)!;
        var title = root["layout"]?["title"] switch
        {
            JsonValue text when text.TryGetValue(out string? s) => s,
            JsonObject title1 => (string?)title1["text"],
            _ => null,
        };
        int traces = (root["data"] as JsonArray)?.Count ?? 0;
        return string.IsNullOrWhiteSpace(title) ? $"Plotly chart ({traces} traces)" : $"Plotly chart: {title}";
    }

    private static string Html(string figure, string id, string? pngBase64)
    {
        var html = new StringBuilder("<div class=\"rnnnotebooks-chart\">");
        if (pngBase64 is not null)
        {
            html.Append("<img class=\"").Append(ImageClass).Append("\" alt=\"").Append(System.Net.WebUtility.HtmlEncode(PlainText(figure)))
                .Append("\" src=\"data:").Append(ImageMimeType).Append(";base64,").Append(pngBase64).Append("\">");
        }
        html.Append("<div id=\"").Append(id).Append("\"></div>\n<script type=\"text/javascript\">\n(function () {\n")
            .Append("  var figure = ").Append(figure.Replace("</", "<\\/", StringComparison.Ordinal)).Append(";\n")
            .Append("  var target = document.getElementById('").Append(id).Append("');\n")
            .Append("  var picture = target.previousElementSibling;\n")
            .Append("  function draw(Plotly) { Plotly.newPlot(target, figure.data, figure.layout, figure.config || {}).then(function () { if (picture) { picture.remove(); } }); }\n")
            .Append("  if (window.Plotly) { draw(window.Plotly); return; }\n")
            .Append("  if (window.requirejs && picture) {\n")
            .Append("    window.requirejs.config({ context: 'rnnnotebooks-plotly', paths: { plotly: '").Append(CdnAddress).Append("' } })(['plotly'], draw, function () {});\n")
            .Append("    return;\n  }\n")
            .Append("  if (!picture) { target.textContent = 'This chart needs plotly.js: run the notebook in the RnnNotebooks kernel, or open the book.'; }\n")
            .Append("})();\n</script></div>");
        return html.ToString();
    }

    /// <summary>plotly.js of the version Plotly.NET embeds, on Plotly's CDN (require.js path: no ".js").</summary>
    private static string CdnAddress => $"https://cdn.plot.ly/plotly-{Scripts.PlotlyJs.Version}.min";

    /// <summary>The figure JSON with every non-integer number rounded to <see cref="SignificantDigits"/> significant digits.</summary>
    public static string Rounded(string figureJson)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(figureJson);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"a chart's figure is not JSON: {e.Message}", nameof(figureJson), e);
        }
        if (root is not JsonObject)
        {
            throw new ArgumentException("a chart's figure must be a JSON object with data and layout.", nameof(figureJson));
        }
        return Round(root)!.ToJsonString();
    }

    private static JsonNode? Round(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj.Select(pair => KeyValuePair.Create(pair.Key, Round(pair.Value)))),
        JsonArray array => new JsonArray(array.Select(Round).ToArray()),
        JsonValue value when value.GetValueKind() == JsonValueKind.Number => RoundNumber(value),
        _ => node?.DeepClone(),
    };

    private static JsonNode RoundNumber(JsonValue value)
    {
        double number = value.GetValue<double>();
        if (number == Math.Floor(number) && Math.Abs(number) < 1e15)
        {
            return value.DeepClone();
        }
        return JsonValue.Create(double.Parse(number.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
    }
}
