using System.Text.RegularExpressions;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// The notebooks' exercises: a code cell with metadata {"rnnnotebooks": {"exercise": id}} whose body the reader writes,
/// and a markdown cell with {"rnnnotebooks": {"solution": id}} whose collapsed <c>&lt;details&gt;&lt;summary&gt;Solution&lt;/summary&gt;</c>
/// section holds the solution as ```csharp code. The engine runs that code right after the exercise cell (unless
/// <see cref="RunOptions.AsWritten"/>), and the exporter puts it in the app in the exercise's place.
/// </summary>
public static partial class ExerciseSolutions
{
    /// <summary>The note the engine adds to an exercise cell after running its solution.</summary>
    public const string Note = "rnnbook ran the notebook's solution for this exercise; `rnnbook run --as-written` grades your own.\n";

    private const string Metadata = "rnnnotebooks";

    /// <summary>The exercise id of <paramref name="cell"/>, or null when it is not an exercise cell.</summary>
    public static string? ExerciseId(NotebookCell cell) => Read(cell, "exercise");

    /// <summary>
    /// The solution code of every exercise cell, by the exercise cell's index in <see cref="Notebook.Cells"/>.
    /// </summary>
    /// <exception cref="NotebookFormatException">An exercise has no solution cell, or its solution has no ```csharp code;
    /// the message names the notebook, the exercise cell (1-based among all cells) and the exercise.</exception>
    public static IReadOnlyDictionary<int, string> Find(Notebook notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        var solutions = new Dictionary<int, string>();
        for (int i = 0; i < notebook.Cells.Count; i++)
        {
            if (notebook.Cells[i].Kind == CellKind.Code && ExerciseId(notebook.Cells[i]) is { } id)
            {
                solutions[i] = SolutionOf(notebook, i, id);
            }
        }
        return solutions;
    }

    private static string SolutionOf(Notebook notebook, int exerciseIndex, string id)
    {
        var where = $"cell {exerciseIndex + 1} `{notebook.Cells[exerciseIndex].FirstLine}`: exercise '{id}'";
        var cell = notebook.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown && Read(c, "solution") == id)
            ?? throw new NotebookFormatException(notebook.Path,
                $"{where} has no solution: add a markdown cell with metadata {{\"rnnnotebooks\": {{\"solution\": \"{id}\"}}}}.");
        var code = Code(cell.Source);
        if (code.Length == 0)
        {
            int solutionNumber = notebook.Cells.ToList().IndexOf(cell) + 1;
            throw new NotebookFormatException(notebook.Path,
                $"{where}: its solution (cell {solutionNumber}) has no ```csharp code inside <details><summary>Solution</summary>.");
        }
        return code;
    }

    /// <summary>The ```csharp blocks of the Solution section of a solution cell's markdown, joined; empty when none.</summary>
    public static string Code(string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        int start = markdown.IndexOf("<summary>Solution</summary>", StringComparison.Ordinal);
        if (start < 0)
        {
            return "";
        }
        int end = markdown.IndexOf("</details>", start, StringComparison.Ordinal);
        var section = end < 0 ? markdown[start..] : markdown[start..end];
        return string.Join("\n", CodeBlock().Matches(section).Select(match => match.Groups[1].Value.TrimEnd())).Trim();
    }

    private static string? Read(NotebookCell cell, string key) =>
        cell.Metadata[Metadata] is System.Text.Json.Nodes.JsonObject course && course[key] is { } value ? value.ToString() : null;

    [GeneratedRegex("```csharp[ \\t]*\\n(.*?)\\n[ \\t]*```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
