using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Export;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Engine.Tests;

/// <summary>How <c>rnnbook export</c> turns cells into a .NET file-based app, on small notebooks of its own.</summary>
public sealed class ExportTranslationTests
{
    [Fact]
    public void A_cell_becomes_directives_usings_statements_and_types_in_their_places()
    {
        var folder = NewFolder();
        var path = Write(folder, "10-demo", Markdown("# Demo\n\nProse."),
            Code("#r \"nuget: Deedle, 8.1.0\"\n#r \"nuget: Plotly.NET.Interactive, 6.0.0\"\nusing Deedle;\nrecord Point(int X);\nvar p = new Point(3);\np.X * 2"));

        var text = NotebookExporter.Export(NotebookReader.Read(path), Path.Combine(folder, "cs"), Repository.Layout.Root);

        Assert.Contains("#:package Deedle@8.1.0\n", text);
        Assert.DoesNotContain("Plotly.NET.Interactive", text);
        Assert.Contains("\nusing Deedle;\n", text);
        Assert.Contains("// # Demo\n//\n// Prose.\n", text);
        Assert.Contains("var p = new Point(3);\nNotebookScript.Show(p.X * 2);\n", text);
        Assert.True(text.IndexOf("record Point(int X);", StringComparison.Ordinal) > text.IndexOf("Show(p.X * 2);", StringComparison.Ordinal),
            "the record must follow the top-level statements");
    }

    [Fact]
    public void A_reference_to_a_dll_no_project_builds_is_refused_naming_the_cell()
    {
        var folder = NewFolder();
        var path = Write(folder, "11-bad", Code("#r \"../elsewhere/Mystery.dll\""));

        var e = Assert.Throws<ExportException>(() => NotebookExporter.Export(NotebookReader.Read(path), Path.Combine(folder, "cs"), Repository.Layout.Root));

        Assert.StartsWith($"{path}: cell 1: #r \"../elsewhere/Mystery.dll\"", e.Message);
        Assert.Contains("is not built by a project in lib/", e.Message);
    }
}
