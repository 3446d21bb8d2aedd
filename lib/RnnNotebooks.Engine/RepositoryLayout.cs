namespace RnnNotebooks.Engine;

/// <summary>
/// Where things are in a clone of the repository: the folder holding <c>RnnNotebooks.sln</c>, its
/// <c>notebooks/</c>, and <c>out/</c> for executed notebooks and the book.
/// </summary>
/// <param name="Root">The repository root.</param>
public sealed record RepositoryLayout(string Root)
{
    /// <summary>The file that marks the repository root.</summary>
    public const string SolutionFile = "RnnNotebooks.sln";

    /// <summary>The notebooks folder.</summary>
    public string NotebooksFolder => Path.Combine(Root, "notebooks");

    /// <summary>The default output folder (git-ignored).</summary>
    public string OutputFolder => Path.Combine(Root, "out");

    /// <summary>The layout around <paramref name="start"/>: the nearest folder above it holding the solution file.</summary>
    /// <exception cref="DirectoryNotFoundException">No folder above <paramref name="start"/> holds it.</exception>
    public static RepositoryLayout Find(string start) =>
        TryFind(start) ?? throw new DirectoryNotFoundException(
            $"No {SolutionFile} in {start} or any folder above it: run rnnbook inside the repository, or name the notebooks and --output.");

    /// <summary>The layout around <paramref name="start"/>, or null when no folder above it holds the solution file.</summary>
    public static RepositoryLayout? TryFind(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFile)))
            {
                return new RepositoryLayout(folder.FullName);
            }
        }
        return null;
    }

    /// <summary>The notebooks in <paramref name="folder"/>, sorted by file name (so 00, 01, ... 08).</summary>
    public static IReadOnlyList<string> NotebooksIn(string folder) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
            : [];
}
