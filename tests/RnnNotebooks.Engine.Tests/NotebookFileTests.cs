using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Engine.Tests;

/// <summary>Reading .ipynb files (and saying what is wrong with a bad one) and writing nbformat 4.5.</summary>
public sealed class NotebookFileTests
{
    [Theory]
    [InlineData("[1, 2]", "the top level is not a JSON object.")]
    [InlineData("{\"cells\": []}", "'nbformat' is missing or is not a number.")]
    [InlineData("{\"nbformat\": 3, \"cells\": []}", "nbformat 3 is not supported; only nbformat 4 is.")]
    [InlineData("{\"nbformat\": 4, \"cells\": 5}", "'cells' is missing or is not a list.")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"source\": \"x\"}]}", "cell 1 has no 'cell_type'.")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"markdown\", \"source\": \"\"}, {\"cell_type\": \"python\", \"source\": \"\"}]}",
        "cell 2 has cell_type 'python'; expected 'code', 'markdown' or 'raw'.")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": 5}]}", "cell 1: 'source' must be a string or a list of strings.")]
    [InlineData("{\"nbformat\": 4, \"cells\": [{\"cell_type\": \"code\", \"source\": \"\", \"outputs\": [{\"output_type\": \"movie\"}]}]}",
        "cell 1, output 1 has output_type 'movie'; expected stream, display_data, execute_result or error.")]
    public void A_malformed_notebook_is_rejected_naming_file_and_problem(string json, string problem)
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse(json, "notebooks/bad.ipynb"));

        Assert.Equal($"notebooks/bad.ipynb: {problem}", e.Message);
    }

    [Fact]
    public void Invalid_json_names_line_and_column()
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Parse("{\n  \"nbformat\": 4,\n  oops\n}", "x.ipynb"));

        Assert.StartsWith("x.ipynb: not valid JSON at line 3, column 3:", e.Message);
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var e = Assert.Throws<NotebookFormatException>(() => NotebookReader.Read("no/such.ipynb"));

        Assert.Equal("no/such.ipynb: no such file.", e.Message);
    }

    [Fact]
    public void Written_notebooks_are_nbformat_4_5_with_ids_counts_and_the_csharp_kernelspec()
    {
        var folder = NewFolder();
        var source = NotebookReader.Read(Write(folder, "nb", Markdown("# T"), Code("1 + 1")));
        var executed = source with
        {
            Cells = [source.Cells[0], source.Cells[1] with { ExecutionCount = 1, Outputs = [new DataOutput(new Dictionary<string, string> { ["text/plain"] = "2" }, 1)] }],
        };
        var path = Path.Combine(folder, "out", "nb.ipynb");

        NotebookWriter.Write(executed, path);

        var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        Assert.Equal(4, (int)json["nbformat"]!);
        Assert.Equal(5, (int)json["nbformat_minor"]!);
        Assert.Equal("rnnnotebooks-csharp", (string)json["metadata"]!["kernelspec"]!["name"]!);
        Assert.Equal("C# (RnnNotebooks)", (string)json["metadata"]!["kernelspec"]!["display_name"]!);
        Assert.Equal("csharp", (string)json["metadata"]!["kernelspec"]!["language"]!);
        Assert.Equal("csharp", (string)json["metadata"]!["language_info"]!["name"]!);
        var cells = json["cells"]!.AsArray();
        Assert.Equal(["cell-1", "cell-2"], cells.Select(cell => (string)cell!["id"]!));
        Assert.Equal(1, (int)cells[1]!["execution_count"]!);
        Assert.Equal("execute_result", (string)cells[1]!["outputs"]![0]!["output_type"]!);
        Assert.False(cells[0]!.AsObject().ContainsKey("outputs"));
        Assert.Equal(["nb.ipynb"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
    }

    [Fact]
    public void Writing_then_reading_gives_the_same_cells()
    {
        var folder = NewFolder();
        var original = NotebookReader.Read(Write(folder, "nb", Markdown("# Title\n\nline two\n"), Code("var x = 1;\nx")));
        var withOutputs = original with
        {
            Cells =
            [
                original.Cells[0],
                original.Cells[1] with
                {
                    ExecutionCount = 3,
                    Outputs =
                    [
                        new StreamOutput("stdout", "a\nb\n"),
                        new DataOutput(new Dictionary<string, string> { ["text/html"] = "<b>1</b>\n<i>2</i>", ["application/json"] = "{\"a\":1}" }),
                        new ErrorOutput("Boom", "it failed", ["at A", "at B"]),
                    ],
                },
            ],
        };
        var path = Path.Combine(folder, "round.ipynb");

        NotebookWriter.Write(withOutputs, path);
        var read = NotebookReader.Read(path);

        Assert.Equal(withOutputs.Cells.Select(c => (c.Id, c.Kind, c.Source, c.ExecutionCount)), read.Cells.Select(c => (c.Id, c.Kind, c.Source, c.ExecutionCount)));
        Assert.Equal(new StreamOutput("stdout", "a\nb\n"), read.Cells[1].Outputs[0]);
        Assert.Equal("<b>1</b>\n<i>2</i>", ((DataOutput)read.Cells[1].Outputs[1]).Data["text/html"]);
        Assert.Equal("{\"a\":1}", ((DataOutput)read.Cells[1].Outputs[1]).Data["application/json"]);
        var error = Assert.IsType<ErrorOutput>(read.Cells[1].Outputs[2]);
        Assert.Equal(("Boom", "it failed"), (error.Name, error.Value));
        Assert.Equal(["at A", "at B"], error.Traceback);
    }

    [Fact]
    public void Duplicate_cell_ids_are_made_unique()
    {
        var json = "{\"nbformat\": 4, \"nbformat_minor\": 5, \"cells\": [" +
            "{\"cell_type\": \"markdown\", \"id\": \"same\", \"source\": \"a\"}, {\"cell_type\": \"markdown\", \"id\": \"same\", \"source\": \"b\"}]}";

        var notebook = NotebookReader.Parse(json, "dup.ipynb");

        Assert.Equal(["same", "cell-2"], notebook.Cells.Select(cell => cell.Id));
    }
}
