using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// The <c>data</c> of a Jupyter display message, from a kernel event's formatted values: text/plain always (the
/// C# kernel formats many values as HTML only, and console front ends and tests read text), JSON MIME types as JSON,
/// Plotly charts as figure JSON plus offline HTML (<see cref="PlotlyOffline"/>), and audio with an HTML
/// <c>&lt;audio&gt;</c> player beside it, since classic Notebook and VS Code play audio only from HTML.
/// </summary>
internal sealed class MimeBundle(PlotlyOffline plotly)
{
    /// <summary>The data of <paramref name="display"/>; empty when every value is hidden.</summary>
    public JsonObject From(DisplayEvent display)
    {
        var data = new JsonObject();
        foreach (var value in display.FormattedValues.Where(value => !value.SuppressDisplay))
        {
            if (!data.ContainsKey(value.MimeType))
            {
                data[value.MimeType] = Value(value.MimeType, value.Value);
            }
        }
        if (data.Count == 0)
        {
            return data;
        }
        if (display.Value is GenericChart chart)
        {
            plotly.AddTo(data, chart);
        }
        if (!data.ContainsKey(MimeTypes.PlainText) && display.Value is { } shown)
        {
            data[MimeTypes.PlainText] = PlainText(shown); // every front end can show text
        }
        AddAudioPlayer(data);
        return data;
    }

    /// <summary>The most text/plain a value shows; the plain-text formatter walks every property, which can be megabytes.</summary>
    public const int MaxPlainText = 20_000;

    private static string PlainText(object value)
    {
        var text = value.ToDisplayString(MimeTypes.PlainText);
        return text.Length <= MaxPlainText ? text : text[..MaxPlainText] + "\n…";
    }

    private static JsonNode? Value(string mimeType, string text)
    {
        if (!MimeTypes.IsJson(mimeType))
        {
            return text;
        }
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return text; // a formatter that wrote something else: show it as written
        }
    }

    private static void AddAudioPlayer(JsonObject data)
    {
        if (data.ContainsKey(MimeTypes.Html)
            || data.Select(pair => pair.Key).FirstOrDefault(type => type.StartsWith("audio/", StringComparison.Ordinal)) is not { } audio)
        {
            return;
        }
        var base64 = string.Concat(data[audio]!.GetValue<string>().Where(c => !char.IsWhiteSpace(c)));
        data[MimeTypes.Html] = $"<audio controls src=\"data:{audio};base64,{base64}\"></audio>";
    }
}
