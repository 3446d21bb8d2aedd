using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// Two stored copies of one notebook compared as a reader sees them: each code cell's outputs, as the .ipynb's JSON holds
/// them (every MIME type, the chart pictures included), cell by cell. Cells that call TorchSharp are left out: libtorch's
/// kernels choose their own arithmetic per CPU, which this course does not control.
/// </summary>
public static class StoredOutputs
{
    /// <summary>True for a cell whose outputs come from TorchSharp: its source mentions <c>TorchSharp</c> or <c>torch.</c>.</summary>
    public static bool CallsTorch(string source) =>
        source.Contains("TorchSharp", StringComparison.Ordinal) || source.Contains("torch.", StringComparison.Ordinal);

    /// <summary>
    /// The first code cell whose outputs differ between the two files, described for a message (its number in the
    /// notebook, its first source line, the first output that differs and its first differing line in each); null when
    /// every code cell's outputs are equal.
    /// </summary>
    /// <param name="storedPath">The committed notebook.</param>
    /// <param name="againPath">The same notebook stored again.</param>
    public static string? FirstDifference(string storedPath, string againPath)
    {
        var stored = Cells(storedPath);
        var again = Cells(againPath);
        if (stored.Count != again.Count)
        {
            return $"the committed notebook has {stored.Count} cells, the one stored again {again.Count}";
        }
        for (int i = 0; i < stored.Count; i++)
        {
            if (stored[i]?["cell_type"]?.GetValue<string>() != "code" || CallsTorch(Source(stored[i])))
            {
                continue;
            }
            var storedOutputs = stored[i]?["outputs"] as JsonArray ?? [];
            var againOutputs = again[i]?["outputs"] as JsonArray ?? [];
            if (JsonNode.DeepEquals(storedOutputs, againOutputs))
            {
                continue;
            }
            return $"cell {i + 1} (index {i}), '{FirstLine(Source(stored[i]))}': {OutputDifference(storedOutputs, againOutputs)}";
        }
        return null;
    }

    private static JsonArray Cells(string path) =>
        JsonNode.Parse(File.ReadAllText(path))?["cells"] as JsonArray ?? throw new InvalidDataException($"{path} has no cells");

    /// <summary>nbformat keeps a source as one string or as a list of lines.</summary>
    private static string Source(JsonNode? cell) => cell?["source"] switch
    {
        JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>())),
        JsonValue text => text.GetValue<string>(),
        _ => "",
    };

    private static string FirstLine(string source) =>
        source.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "(empty cell)";

    private static string OutputDifference(JsonArray stored, JsonArray again)
    {
        if (stored.Count != again.Count)
        {
            return $"{stored.Count} outputs committed, {again.Count} stored again";
        }
        int index = Enumerable.Range(0, stored.Count).First(j => !JsonNode.DeepEquals(stored[j], again[j]));
        var storedLines = Lines(stored[index]);
        var againLines = Lines(again[index]);
        int line = Enumerable.Range(0, Math.Min(storedLines.Length, againLines.Length)).FirstOrDefault(k => storedLines[k] != againLines[k], Math.Min(storedLines.Length, againLines.Length));
        return $"output {index + 1} of {stored.Count} differs at its line {line + 1}:\n  committed: {Clip(storedLines, line)}\n  again:     {Clip(againLines, line)}";
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>An output as indented JSON with its multi-line strings joined, one line per line of text where it can.</summary>
    private static string[] Lines(JsonNode? output) => (output?.ToJsonString(Indented) ?? "null").Replace("\\n", "\\n\n", StringComparison.Ordinal).Split('\n');

    private static string Clip(string[] lines, int index)
    {
        if (index >= lines.Length)
        {
            return "(end of output)";
        }
        var line = lines[index].Trim();
        return line.Length > 160 ? line[..160] + "…" : line;
    }
}
