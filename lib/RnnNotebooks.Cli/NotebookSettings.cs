using RnnNotebooks.Book;
using RnnNotebooks.Engine;
using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments <c>run</c> and <c>render</c> share: which notebooks, and where to write.</summary>
internal class NotebookSettings : CommandSettings
{
    /// <summary>Notebook files or folders; by default every notebook in the repository's notebooks/.</summary>
    [CommandArgument(0, "[notebooks]")]
    [Description("Notebook files or folders (default: every .ipynb in the repository's notebooks/).")]
    public string[] Notebooks { get; init; } = [];

    /// <summary>The output folder; by default the repository's out/.</summary>
    [CommandOption("-o|--output <FOLDER>")]
    [Description("Output folder: executed notebooks go to FOLDER/notebooks, the book to FOLDER/book (default: out/).")]
    public string? Output { get; init; }

    /// <summary>The GitHub repository (owner/name) whose notebooks the book's Binder links open.</summary>
    [CommandOption("--repository <owner/name>")]
    [Description("GitHub repository the book's Binder links open (default: $GITHUB_REPOSITORY; with neither, the book has no Binder links).")]
    public string? Repository { get; init; }

    /// <summary>
    /// The book's options: the course's, with <see cref="Repository"/>, else GitHub Actions' <c>GITHUB_REPOSITORY</c>,
    /// else no repository (and so no Binder links).
    /// </summary>
    public BookOptions ResolveBookOptions()
    {
        var fromActions = Environment.GetEnvironmentVariable("GITHUB_REPOSITORY");
        var repository = Repository ?? (string.IsNullOrEmpty(fromActions) ? null : fromActions);
        return BookOptions.Default with { Repository = repository };
    }

    /// <summary>The notebook files named by <see cref="Notebooks"/> (folders expanded), or the repository's.</summary>
    public IReadOnlyList<string> ResolveNotebooks() => Resolve(Notebooks);

    /// <summary>The notebook files named by <paramref name="notebooks"/> (folders expanded), or the repository's when none is named.</summary>
    public static IReadOnlyList<string> Resolve(string[] notebooks)
    {
        var paths = notebooks.Length == 0
            ? RepositoryLayout.NotebooksIn(RepositoryLayout.Find(Environment.CurrentDirectory).NotebooksFolder)
            : notebooks.SelectMany(path => Directory.Exists(path) ? RepositoryLayout.NotebooksIn(path) : [path]);
        return paths.Select(Shorten).ToList();
    }

    /// <summary>Why <paramref name="notebooks"/> cannot be run (a file or folder that does not exist); success when they can.</summary>
    public static ValidationResult ValidateNotebooks(string[] notebooks)
    {
        var missing = notebooks.Where(path => !File.Exists(path) && !Directory.Exists(path)).ToList();
        return missing.Count == 0
            ? ValidationResult.Success()
            : ValidationResult.Error($"No such notebook or folder: {string.Join(", ", missing)}");
    }

    /// <summary>A path under the current directory as a relative one (short names in messages), any other as given.</summary>
    private static string Shorten(string path)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    /// <summary>The output folder to use.</summary>
    public string ResolveOutput() => Output ?? RepositoryLayout.Find(Environment.CurrentDirectory).OutputFolder;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Repository is not null && !BookOptions.IsRepository(Repository))
        {
            return ValidationResult.Error($"--repository must be owner/name (a GitHub repository), not '{Repository}'.");
        }
        return ValidateNotebooks(Notebooks);
    }
}
