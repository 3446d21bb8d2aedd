using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Export;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Engine.Tests;

/// <summary>Exercises: the engine fills in the notebook's solution by default, grades the reader's own with AsWritten,
/// and refuses an exercise without a solution; the exporter puts the solution in the exercise's place.</summary>
[Collection(NotebookCollection.Name)]
public sealed class ExerciseTests
{
    private const string Solution = "<details><summary>Hint</summary>\n\nTwo times x.\n\n</details>\n\n"
        + "<details><summary>Solution</summary>\n\n```csharp\nint Twice(int x) => 2 * x;\n```\n\n</details>";

    private const string Check = "string verdict;\ntry { verdict = Twice(21) == 42 ? \"passed\" : \"wrong\"; }\n"
        + "catch (NotImplementedException) { verdict = \"not written yet\"; }\nReport(\"exercise twice passed\", verdict == \"passed\" ? 1 : 0);\nverdict";

    private static JsonObject Exercise => WithMetadata(Code(UsingFigures + "// Write Twice: 2 x.\nint Twice(int x)\n{\n    throw new NotImplementedException();\n}"), "exercise", "twice");

    private static string Notebook(string solutionMarkdown, string solutionId = "twice") => Write(NewFolder(), "exercise", new JsonObject(),
        Cell("markdown", "# Exercise"), Exercise, WithMetadata(Markdown(solutionMarkdown), "solution", solutionId), Cell("code", Check),
        Cell("code", "Console.WriteLine(\"the end\");"));

    [Fact]
    public async Task By_default_the_solution_runs_after_the_exercise_and_the_cell_says_so()
    {
        var run = await new NotebookRunner(new RunOptions()).RunAsync(Notebook(Solution));

        Assert.Null(run.Failure);
        Assert.Equal([new ReportedFigure("exercise twice passed", 1)], run.Figures);
        Assert.Equal(new StreamOutput("stdout", ExerciseSolutions.Note), run.Executed!.Cells[1].Outputs.Last());
        Assert.Contains("passed", ((DataOutput)run.Executed.Cells[3].Outputs.Last()).Data.Values.First());
    }

    [Fact]
    public async Task As_written_grades_the_readers_body_and_the_notebook_still_runs_to_its_end()
    {
        var run = await new NotebookRunner(new RunOptions { AsWritten = true }).RunAsync(Notebook(Solution));

        Assert.Null(run.Failure);
        Assert.Equal([new ReportedFigure("exercise twice passed", 0)], run.Figures);
        Assert.Empty(run.Executed!.Cells[1].Outputs);
        Assert.Contains("not written yet", ((DataOutput)run.Executed.Cells[3].Outputs.Last()).Data.Values.First());
        Assert.Equal(new StreamOutput("stdout", "the end\n"), run.Executed.Cells[4].Outputs.Single());
    }

    [Fact]
    public async Task An_exercise_without_a_solution_is_an_error_naming_notebook_and_cell()
    {
        var path = Notebook(Solution, solutionId: "another");

        var run = await new NotebookRunner(new RunOptions()).RunAsync(path);

        Assert.Equal($"{path}: cell 2 `#r \"{Path.Combine(Repository.CourseLibraries, "RnnNotebooks.Scripts.dll")}\"`: exercise 'twice' has no solution: "
            + "add a markdown cell with metadata {\"rnnnotebooks\": {\"solution\": \"twice\"}}.", run.Failure!.ToString());
        Assert.Equal(0, run.CellsRun);
    }

    [Fact]
    public async Task A_solution_without_code_is_an_error_naming_both_cells()
    {
        var path = Notebook("<details><summary>Solution</summary>\n\nWrite it.\n\n</details>");

        var run = await new NotebookRunner(new RunOptions()).RunAsync(path);

        Assert.EndsWith("exercise 'twice': its solution (cell 3) has no ```csharp code inside <details><summary>Solution</summary>.", run.Failure!.ToString());
    }

    [Fact]
    public void The_solution_code_is_the_csharp_of_the_solution_section_only()
    {
        var markdown = "<details><summary>Hint</summary>\n\n```csharp\nhint();\n```\n\n</details>\n\n" + Solution;

        Assert.Equal("int Twice(int x) => 2 * x;", ExerciseSolutions.Code(markdown));
    }

    [Fact]
    public void The_exported_app_has_the_exercise_as_a_comment_and_the_solution_in_its_place()
    {
        var path = Notebook(Solution);

        var text = NotebookExporter.Export(NotebookReader.Read(path), Path.Combine(Path.GetDirectoryName(path)!, "cs"), Repository.Layout.Root);

        Assert.Contains("// Exercise: the notebook leaves this body to the reader:\n", text);
        Assert.Contains("//     throw new NotImplementedException();\n", text);
        Assert.Contains("// The notebook's solution:\nint Twice(int x) => 2 * x;\n", text);
        Assert.DoesNotContain("\n    throw new NotImplementedException();", text);
    }
}
