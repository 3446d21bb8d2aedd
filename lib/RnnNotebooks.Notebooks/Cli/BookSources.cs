using RnnNotebooks.Notebooks.Documents;

namespace RnnNotebooks.Notebooks.Cli;

/// <summary>Which file the book shows for each notebook: its executed copy in the output folder when there is one, else the source.</summary>
internal static class BookSources
{
    /// <summary>The folder under the output folder that holds executed notebooks.</summary>
    public const string ExecutedFolder = "notebooks";

    /// <summary>The folder under the output folder that holds the book.</summary>
    public const string BookFolder = "book";

    /// <summary>Where the executed copy of <paramref name="source"/> goes under <paramref name="output"/>.</summary>
    public static string ExecutedPath(string source, string output) =>
        Path.Combine(output, ExecutedFolder, Path.GetFileName(source));

    /// <summary>The notebooks to render, read from their executed copies where those exist.</summary>
    public static IReadOnlyList<Notebook> Read(IEnumerable<string> sources, string output) =>
        sources.Select(source => ExecutedPath(source, output))
            .Zip(sources, (executed, source) => File.Exists(executed) ? executed : source)
            .Select(NotebookReader.Read)
            .ToList();
}
