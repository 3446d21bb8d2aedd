using System.Text.Json.Nodes;

namespace RnnNotebooks.Engine.Documents;

/// <summary>Reads a code cell's <c>outputs</c> list (stream, display_data, execute_result, error).</summary>
internal static class OutputReader
{
    /// <summary>The outputs in <paramref name="node"/>; an absent list is empty.</summary>
    public static IReadOnlyList<CellOutput> ReadAll(JsonNode? node, string cell, string path) => node switch
    {
        null => [],
        JsonArray outputs => outputs.Select((output, i) => Read(output, $"{cell}, output {i + 1}", path)).ToList(),
        _ => throw new NotebookFormatException(path, $"{cell}: 'outputs' is not a list."),
    };

    private static CellOutput Read(JsonNode? node, string where, string path)
    {
        if (node is not JsonObject output)
        {
            throw new NotebookFormatException(path, $"{where} is not a JSON object.");
        }
        var type = output["output_type"] is JsonValue v && v.TryGetValue(out string? t) ? t : null;
        return type switch
        {
            "stream" => new StreamOutput(
                StringOf(output["name"]) ?? "stdout",
                JsonText.Read(output["text"], $"{where}: 'text'", path) ?? ""),
            "display_data" => new DataOutput(ReadData(output["data"], where, path)),
            "execute_result" => new DataOutput(ReadData(output["data"], where, path),
                output["execution_count"] is JsonValue c && c.TryGetValue(out int n) ? n : 0),
            "error" => new ErrorOutput(
                StringOf(output["ename"]) ?? "Error",
                StringOf(output["evalue"]) ?? "",
                output["traceback"] is JsonArray lines ? lines.Select(line => StringOf(line) ?? "").ToList() : []),
            _ => throw new NotebookFormatException(path,
                $"{where} has output_type '{type ?? "(none)"}'; expected stream, display_data, execute_result or error."),
        };
    }

    private static Dictionary<string, string> ReadData(JsonNode? node, string where, string path)
    {
        if (node is not JsonObject data)
        {
            throw new NotebookFormatException(path, $"{where}: 'data' is missing or is not a JSON object.");
        }
        return data.ToDictionary(
            pair => pair.Key,
            pair => MimeTypes.IsJson(pair.Key)
                ? pair.Value?.ToJsonString() ?? "null"
                : JsonText.Read(pair.Value, $"{where}: data '{pair.Key}'", path) ?? "");
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
}
