using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using RnnNotebooks.Shared;

namespace RnnNotebooks.Engine.Documents;

/// <summary>
/// Writes a notebook as nbformat 4.5 JSON with cell ids, execution counts and the C# kernel's metadata
/// (kernelspec <c>rnnnotebooks-csharp</c>), the way Jupyter and VS Code expect it. The file is written to a
/// temporary file beside the target and renamed over it, so a crash never leaves half a notebook.
/// </summary>
/// <remarks>
/// Microsoft.DotNet.Interactive.Documents' <c>Notebook.Write</c> was tried first: it writes markdown cells
/// without ids (invalid in 4.5) and no kernelspec or language_info, so this writer builds the JSON itself.
/// </remarks>
public static class NotebookWriter
{
    /// <summary>The kernelspec name of the project's C# kernel.</summary>
    public const string KernelName = "rnnnotebooks-csharp";

    /// <summary>The kernel's display name.</summary>
    public const string KernelDisplayName = "C# (RnnNotebooks)";

    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Writes <paramref name="notebook"/> to <paramref name="path"/>, creating its folder.</summary>
    public static void Write(Notebook notebook, string path)
    {
        AtomicFile.Replace(path, temporary => File.WriteAllText(temporary, ToJson(notebook)));
    }

    /// <summary>The notebook as nbformat 4.5 JSON text, ending in a newline.</summary>
    public static string ToJson(Notebook notebook)
    {
        var root = new JsonObject
        {
            ["cells"] = new JsonArray(notebook.Cells.Select(CellJson).ToArray<JsonNode?>()),
            ["metadata"] = NotebookMetadata(notebook.Metadata),
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Options) + "\n";
    }

    private static JsonObject NotebookMetadata(JsonObject kept)
    {
        var metadata = (JsonObject)kept.DeepClone();
        metadata["kernelspec"] = new JsonObject
        {
            ["display_name"] = KernelDisplayName,
            ["language"] = "csharp",
            ["name"] = KernelName,
        };
        metadata["language_info"] = new JsonObject
        {
            ["file_extension"] = ".cs",
            ["mimetype"] = "text/x-csharp",
            ["name"] = "csharp",
            ["pygments_lexer"] = "csharp",
        };
        return metadata;
    }

    private static JsonObject CellJson(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.Kind.ToString().ToLowerInvariant(),
        };
        if (cell.Kind == CellKind.Code)
        {
            json["execution_count"] = cell.ExecutionCount;
        }
        json["id"] = cell.Id;
        json["metadata"] = cell.Metadata.DeepClone();
        if (cell.Kind == CellKind.Code)
        {
            json["outputs"] = new JsonArray(cell.Outputs.Select(OutputJson).ToArray<JsonNode?>());
        }
        json["source"] = JsonText.Lines(cell.Source);
        return json;
    }

    private static JsonObject OutputJson(CellOutput output) => output switch
    {
        StreamOutput stream => new JsonObject
        {
            ["name"] = stream.Name,
            ["output_type"] = "stream",
            ["text"] = JsonText.Lines(stream.Text),
        },
        DataOutput { IsResult: true } result => new JsonObject
        {
            ["data"] = DataJson(result.Data),
            ["execution_count"] = result.ExecutionCount,
            ["metadata"] = new JsonObject(),
            ["output_type"] = "execute_result",
        },
        DataOutput display => new JsonObject
        {
            ["data"] = DataJson(display.Data),
            ["metadata"] = new JsonObject(),
            ["output_type"] = "display_data",
        },
        ErrorOutput error => new JsonObject
        {
            ["ename"] = error.Name,
            ["evalue"] = error.Value,
            ["output_type"] = "error",
            ["traceback"] = new JsonArray(error.Traceback.Select(line => (JsonNode?)line).ToArray()),
        },
        _ => throw new ArgumentException($"Unknown output kind {output.GetType().Name}.", nameof(output)),
    };

    private static JsonObject DataJson(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mimeType, value) in data.OrderBy(pair => pair.Key, StringComparer.Ordinal))
        {
            json[mimeType] = MimeTypes.IsJson(mimeType) ? JsonNode.Parse(value) : JsonText.Lines(value);
        }
        return json;
    }
}
