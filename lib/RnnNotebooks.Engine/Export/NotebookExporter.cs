using System.Text;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine.Export;

/// <summary>
/// Writes a notebook as a .NET 10 file-based app (<c>dotnet run notebooks/cs/NN-name.cs</c>): directives, usings,
/// markdown as <c>//</c> comments, each code cell's statements in order (an exercise cell as a comment, followed by the
/// notebook's solution), type declarations last. The app calls
/// <c>RnnNotebooks.Scripts.NotebookScript</c> where the kernel displayed: charts become HTML files.
/// </summary>
public static partial class NotebookExporter
{
    /// <summary>The folder, under notebooks/, that exported apps go to.</summary>
    public const string DefaultFolder = "cs";

    /// <summary>The text of <paramref name="notebook"/> as an app that will live in <paramref name="exportFolder"/>.</summary>
    /// <exception cref="ExportException">A cell cannot be translated; the message names it.</exception>
    /// <exception cref="NotebookFormatException">An exercise has no solution; the message names the cell.</exception>
    public static string Export(Notebook notebook, string exportFolder, string repositoryRoot)
    {
        var notebookFolder = Path.GetDirectoryName(Path.GetFullPath(notebook.Path))!;
        var translator = new CellTranslator(notebookFolder, Path.GetFullPath(exportFolder), repositoryRoot);
        var scripts = Path.GetRelativePath(Path.GetFullPath(exportFolder), Path.Combine(repositoryRoot, "lib", "RnnNotebooks.Scripts", "RnnNotebooks.Scripts.csproj")).Replace('\\', '/');
        // The repository's Directory.Build.props applies to these files too: central versions would refuse
        // #:package's own version, and notebook code is not held to the libraries' warnings-as-errors.
        var directives = new List<string>
        {
            "#:property ManagePackageVersionsCentrally=false", "#:property TreatWarningsAsErrors=false", "#:property PublishAot=false",
            $"#:project {scripts}",
        };
        var usings = new List<string> { "using RnnNotebooks.Scripts;", "using static RnnNotebooks.Scripts.NotebookScript;" };
        var body = new StringBuilder("NotebookScript.Start();\n");
        var types = new List<string>();
        var solutions = ExerciseSolutions.Find(notebook);
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            var cell = notebook.Cells[i];
            body.Append('\n');
            if (cell.Kind != CellKind.Code)
            {
                body.Append(Comment(cell.Source));
                continue;
            }
            var source = cell.Source;
            if (solutions.TryGetValue(i, out var solution))
            {
                // The exercise as the reader gets it, then the notebook's solution in its place: C# would refuse the same
                // local function twice, and the app has to run to its end.
                body.Append("// Exercise: the notebook leaves this body to the reader:\n").Append(Comment(source)).Append("// The notebook's solution:\n");
                source = solution;
            }
            var translated = translator.Translate(source, $"{notebook.Path}: cell {i + 1}");
            directives.AddRange(translated.Directives.Except(directives));
            usings.AddRange(translated.Usings.Except(usings));
            types.AddRange(translated.Types);
            body.Append(translated.Statements).Append('\n');
        }
        return Assemble(notebook, directives, usings, body.ToString(), types);
    }

    private static string Assemble(Notebook notebook, List<string> directives, List<string> usings, string body, List<string> types)
    {
        var file = new StringBuilder()
            .Append($"// {notebook.Name}.cs: notebooks/{Path.GetFileName(notebook.Path)} as a .NET file-based app, written by `rnnbook export`.\n")
            .Append("// Edit the notebook, not this file, and export again. Run from the repository root:\n")
            .Append($"//     dotnet run notebooks/{DefaultFolder}/{notebook.Name}.cs\n")
            .AppendJoin('\n', directives).Append("\n\n")
            .AppendJoin('\n', usings).Append("\n\n")
            .Append(body);
        if (types.Count > 0)
        {
            file.Append("\n// The notebook's types: C# wants them after the top-level statements.\n").AppendJoin("\n\n", types).Append('\n');
        }
        return BlankRuns().Replace(file.ToString(), "\n\n");
    }

    [System.Text.RegularExpressions.GeneratedRegex("\n{3,}")]
    private static partial System.Text.RegularExpressions.Regex BlankRuns();

    private static string Comment(string markdown) =>
        string.Concat(markdown.TrimEnd().Split('\n').Select(line => line.Length == 0 ? "//\n" : "// " + line.TrimEnd() + "\n"));
}
