using System.Text.Json.Nodes;

namespace RnnNotebooks.Engine.Documents;

/// <summary>nbformat's multi-line strings: one string, or a list of strings (lines) to join.</summary>
internal static class JsonText
{
    /// <summary>The text of <paramref name="node"/>; null when absent. Anything else is a format error.</summary>
    public static string? Read(JsonNode? node, string what, string path)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonValue value when value.TryGetValue(out string? text):
                return text;
            case JsonArray lines when lines.All(line => line is JsonValue v && v.TryGetValue(out string? _)):
                return string.Concat(lines.Select(line => line!.GetValue<string>()));
            default:
                throw new NotebookFormatException(path, $"{what} must be a string or a list of strings.");
        }
    }

    /// <summary>Splits <paramref name="text"/> into lines that keep their '\n', as Jupyter writes them.</summary>
    public static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }
        return lines;
    }
}
