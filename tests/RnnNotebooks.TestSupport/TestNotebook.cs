using System.Text.Json.Nodes;

namespace RnnNotebooks.TestSupport;

/// <summary>Small notebooks written to a temporary folder for the engine's tests.</summary>
public static class TestNotebook
{
    /// <summary>A fresh temporary folder, deleted when the test process ends (<see cref="TestFolders.New"/>).</summary>
    public static string NewFolder() => TestFolders.New("rnnbook-test-").FullName;

    /// <summary>Writes an nbformat 4.4 notebook (no cell ids) with the given cells; returns its path.</summary>
    public static string Write(string folder, string name, params (string Kind, string Source)[] cells) =>
        Write(folder, name, new JsonObject(), cells);

    /// <summary>Writes an nbformat 4.4 notebook with the given metadata and cells; returns its path.</summary>
    public static string Write(string folder, string name, JsonObject metadata, params (string Kind, string Source)[] cells) =>
        Write(folder, name, metadata, cells.Select(cell => Cell(cell.Kind, cell.Source)).ToArray());

    /// <summary>Writes an nbformat 4.4 notebook of cells built with <see cref="WithMetadata"/> or <see cref="Cell"/>; returns its path.</summary>
    public static string Write(string folder, string name, JsonObject metadata, params JsonObject[] cells)
    {
        var json = new JsonObject
        {
            ["cells"] = new JsonArray(cells.Select(cell => (JsonNode)cell).ToArray()),
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 4,
        };
        var path = Path.Combine(folder, name + ".ipynb");
        File.WriteAllText(path, json.ToJsonString());
        return path;
    }

    /// <summary>
    /// The lines a cell starts with to call <c>Report</c>, as the course's notebooks do: the built RnnNotebooks.Scripts
    /// (by its full path: test notebooks live in a temporary folder) and <c>using static RnnNotebooks.Scripts.Figures;</c>.
    /// </summary>
    public static string UsingFigures =>
        $"#r \"{Path.Combine(Repository.CourseLibraries, "RnnNotebooks.Scripts.dll")}\"\nusing static RnnNotebooks.Scripts.Figures;\n";

    /// <summary>A code cell.</summary>
    public static (string, string) Code(string source) => ("code", source);

    /// <summary>A markdown cell.</summary>
    public static (string, string) Markdown(string source) => ("markdown", source);

    /// <summary>A cell with the course's cell metadata {"rnnnotebooks": {key: value}}, e.g. ("exercise", "cell-step").</summary>
    public static JsonObject WithMetadata((string Kind, string Source) cell, string key, string value)
    {
        var json = Cell(cell.Kind, cell.Source);
        json["metadata"] = new JsonObject { ["rnnnotebooks"] = new JsonObject { [key] = value } };
        return json;
    }

    /// <summary>A cell of <paramref name="kind"/> ("code" or "markdown") as nbformat JSON, with empty metadata.</summary>
    public static JsonObject Cell(string kind, string source)
    {
        var cell = new JsonObject { ["cell_type"] = kind, ["metadata"] = new JsonObject(), ["source"] = source };
        if (kind == "code")
        {
            cell["outputs"] = new JsonArray();
            cell["execution_count"] = null;
        }
        return cell;
    }
}
