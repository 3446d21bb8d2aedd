using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Engine.Documents;

/// <summary>
/// Reads an .ipynb file (nbformat 4) into a <see cref="Notebook"/>. Every problem is a
/// <see cref="NotebookFormatException"/> naming the file, the cell, and what is wrong.
/// </summary>
/// <remarks>
/// Microsoft.DotNet.Interactive.Documents' <c>Notebook.Parse</c> accepts <c>{"cells": 5}</c> as an empty
/// notebook and a cell with no <c>cell_type</c>, so this reader checks the structure itself.
/// </remarks>
public static class NotebookReader
{
    /// <summary>Reads and checks the notebook at <paramref name="path"/>.</summary>
    public static Notebook Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new NotebookFormatException(path, "no such file.");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses <paramref name="json"/>, naming <paramref name="path"/> in errors.</summary>
    public static Notebook Parse(string json, string path)
    {
        var root = ParseJson(json, path) as JsonObject
            ?? throw new NotebookFormatException(path, "the top level is not a JSON object.");
        CheckFormatVersion(root, path);
        if (root["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, "'cells' is missing or is not a list.");
        }
        var read = cells.Select((node, index) => ReadCell(node, index + 1, path)).ToList();
        var ids = new HashSet<string>();
        for (int i = 0; i < read.Count; i++)
        {
            if (!ids.Add(read[i].Id))
            {
                read[i] = read[i] with { Id = CellIds.Unique(i + 1, ids) };
            }
        }
        return new Notebook(path, read, ObjectOrEmpty(root["metadata"], "metadata", path));
    }

    private static JsonNode? ParseJson(string json, string path)
    {
        try
        {
            return JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {e.BytePositionInLine + 1}" : "";
            throw new NotebookFormatException(path, $"not valid JSON{where}: {e.Message}", e);
        }
    }

    private static void CheckFormatVersion(JsonObject root, string path)
    {
        if (root["nbformat"] is not JsonValue version || !version.TryGetValue(out int major))
        {
            throw new NotebookFormatException(path, "'nbformat' is missing or is not a number.");
        }
        if (major != 4)
        {
            throw new NotebookFormatException(path, $"nbformat {major} is not supported; only nbformat 4 is.");
        }
    }

    private static NotebookCell ReadCell(JsonNode? node, int number, string path)
    {
        var where = $"cell {number}";
        if (node is not JsonObject cell)
        {
            throw new NotebookFormatException(path, $"{where} is not a JSON object.");
        }
        var kind = ReadKind(cell["cell_type"], where, path);
        var source = JsonText.Read(cell["source"], $"{where}: 'source'", path)
            ?? throw new NotebookFormatException(path, $"{where} has no 'source'.");
        var id = cell["id"] is JsonValue idValue && idValue.TryGetValue(out string? text) && CellIds.IsValid(text)
            ? text
            : CellIds.ForPosition(number);
        var outputs = kind == CellKind.Code ? OutputReader.ReadAll(cell["outputs"], where, path) : [];
        return new NotebookCell(id, kind, source, ObjectOrEmpty(cell["metadata"], $"{where}: 'metadata'", path))
        {
            ExecutionCount = cell["execution_count"] is JsonValue count && count.TryGetValue(out int n) ? n : null,
            Outputs = outputs,
        };
    }

    private static CellKind ReadKind(JsonNode? node, string where, string path)
    {
        var type = node is JsonValue value && value.TryGetValue(out string? text) ? text : null;
        return type switch
        {
            "code" => CellKind.Code,
            "markdown" => CellKind.Markdown,
            "raw" => CellKind.Raw,
            null => throw new NotebookFormatException(path, $"{where} has no 'cell_type'."),
            _ => throw new NotebookFormatException(path,
                $"{where} has cell_type '{type}'; expected 'code', 'markdown' or 'raw'."),
        };
    }

    private static JsonObject ObjectOrEmpty(JsonNode? node, string what, string path) => node switch
    {
        null => [],
        JsonObject obj => (JsonObject)obj.DeepClone(),
        _ => throw new NotebookFormatException(path, $"{what} is not a JSON object."),
    };
}
