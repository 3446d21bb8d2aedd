using System.Text.Json.Nodes;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>The comparison of two stored copies of a notebook that the instruction-set test relies on finds what it must.</summary>
public sealed class StoredOutputsTests
{
    private static readonly string Stored = Path.Combine(Repository.Layout.NotebooksFolder, "03-backpropagation-through-time.ipynb");

    [Fact]
    public void A_copy_equals_its_original()
    {
        Assert.Null(StoredOutputs.FirstDifference(Stored, Stored));
    }

    [Fact]
    public void A_changed_number_in_a_cells_output_names_the_cell_its_first_line_and_the_line()
    {
        var (index, cell) = FirstCodeCellWithStream(JsonNode.Parse(File.ReadAllText(Stored))!, out var notebook);
        var text = (JsonArray)cell["outputs"]![0]!["text"]!;
        text[0] = "a number that moved in its last digit 0.4180000001\n";

        var message = StoredOutputs.FirstDifference(Stored, Write(notebook));

        Assert.NotNull(message);
        Assert.StartsWith($"cell {index + 1} (index {index}), '{FirstLine(cell)}': output 1 of", message);
        Assert.Contains("a number that moved in its last digit 0.4180000001", message);
    }

    [Fact]
    public void A_cell_that_calls_TorchSharp_is_exempt()
    {
        var (_, cell) = FirstCodeCellWithStream(JsonNode.Parse(File.ReadAllText(Stored))!, out var notebook);
        cell["source"] = "using var x = torch.zeros(3);\n" + string.Concat(((JsonArray)cell["source"]!).Select(line => line!.GetValue<string>()));
        var committed = Write(notebook);
        ((JsonArray)cell["outputs"]![0]!["text"]!)[0] = "libtorch's own arithmetic\n";

        Assert.Null(StoredOutputs.FirstDifference(committed, Write(notebook)));
    }

    private static (int Index, JsonObject Cell) FirstCodeCellWithStream(JsonNode root, out JsonNode notebook)
    {
        notebook = root;
        var cells = (JsonArray)root["cells"]!;
        int index = Enumerable.Range(0, cells.Count).First(i => cells[i]!["cell_type"]!.GetValue<string>() == "code"
            && cells[i]!["outputs"] is JsonArray { Count: > 0 } outputs && outputs[0]!["text"] is JsonArray);
        return (index, (JsonObject)cells[index]!);
    }

    private static string FirstLine(JsonObject cell) =>
        string.Concat(((JsonArray)cell["source"]!).Select(line => line!.GetValue<string>())).Split('\n').Select(line => line.Trim()).First(line => line.Length > 0);

    private static string Write(JsonNode notebook)
    {
        var path = Path.Combine(TestNotebook.NewFolder(), "copy.ipynb");
        File.WriteAllText(path, notebook.ToJsonString());
        return path;
    }
}
