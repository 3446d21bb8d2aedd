using System.Text.Json.Nodes;
using Plotly.NET;

namespace RnnNotebooks.Plots.Tests;

/// <summary>A chart's plotly.js figure (data + layout) as JSON, as the browser receives it.</summary>
internal static class ChartJson
{
    public static JsonObject Of(GenericChart chart) => JsonNode.Parse(GenericChart.toFigureJson(chart))!.AsObject();

    public static JsonArray Traces(GenericChart chart) => Of(chart)["data"]!.AsArray();

    public static JsonObject Layout(GenericChart chart) => Of(chart)["layout"]!.AsObject();

    public static double[] Numbers(JsonNode? array) => array!.AsArray().Select(v => (double)v!).ToArray();
}
