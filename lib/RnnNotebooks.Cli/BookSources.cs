using RnnNotebooks.Engine;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Cli;

/// <summary>
/// What goes into the book under an output folder, and where executed notebooks are written.
/// <list type="bullet">
/// <item>Executed notebooks go to <c>OUTPUT/notebooks/</c>, except a notebook from outside the course's
/// <c>notebooks/</c> run into the course's own output folder (<c>out/</c>): it goes to <c>out/other/</c> and stays out
/// of the course's book, unless <c>--add-to-book</c> asks for it.</item>
/// <item>The book's chapters are every executed notebook in <c>OUTPUT/notebooks/</c>, whenever it was run, and in the
/// course's output folder also each course notebook not run yet (from its source), in course order (file name:
/// 00, 01, ... 08). Running one notebook therefore never drops the others from the contents.</item>
/// </list>
/// </summary>
/// <param name="Output">The output folder.</param>
/// <param name="Course">The repository when <paramref name="Output"/> is its own output folder (<c>out/</c>); else null.</param>
internal sealed record BookSources(string Output, RepositoryLayout? Course)
{
    /// <summary>The folder under the output folder that holds the book's executed notebooks.</summary>
    public const string ExecutedFolder = "notebooks";

    /// <summary>The folder under the course's output folder for notebooks from elsewhere that are not in its book.</summary>
    public const string OtherFolder = "other";

    /// <summary>The folder under the output folder that holds the book.</summary>
    public const string BookFolder = "book";

    /// <summary>The sources for <paramref name="output"/>: the course's when it is the repository's own output folder.</summary>
    public static BookSources For(string output)
    {
        var course = RepositoryLayout.TryFind(Environment.CurrentDirectory);
        var isCourseOutput = course is not null && SamePath(course.OutputFolder, output);
        return new BookSources(output, isCourseOutput ? course : null);
    }

    /// <summary>Where the executed copy of <paramref name="source"/> goes.</summary>
    /// <param name="source">The notebook that ran.</param>
    /// <param name="addToBook">True when the user asked for a notebook from outside the course to enter its book.</param>
    public string ExecutedPath(string source, bool addToBook = false) =>
        Path.Combine(Output, EntersBook(source, addToBook) ? ExecutedFolder : OtherFolder, Path.GetFileName(source));

    /// <summary>True when <paramref name="source"/>'s executed copy is a chapter of this book.</summary>
    public bool EntersBook(string source, bool addToBook = false) =>
        addToBook || Course is null || SamePath(Path.GetDirectoryName(Path.GetFullPath(source))!, Course.NotebooksFolder);

    /// <summary>
    /// The book's chapters in course order: each executed notebook of the output folder, the course's notebooks not run
    /// yet, and <paramref name="named"/> (a <c>render</c> argument) where none of those has its name.
    /// </summary>
    public IReadOnlyList<string> Chapters(IEnumerable<string>? named = null)
    {
        var executed = RepositoryLayout.NotebooksIn(Path.Combine(Output, ExecutedFolder));
        var notRun = (Course is null ? [] : RepositoryLayout.NotebooksIn(Course.NotebooksFolder)).Concat(named ?? []);
        return executed.Concat(notRun)
            .DistinctBy(Path.GetFileName, StringComparer.Ordinal)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The chapters read, in order.</summary>
    public IReadOnlyList<Notebook> Read(IReadOnlyList<string> chapters) => chapters.Select(NotebookReader.Read).ToList();

    private static bool SamePath(string a, string b) =>
        string.Equals(Path.TrimEndingDirectorySeparator(Path.GetFullPath(a)), Path.TrimEndingDirectorySeparator(Path.GetFullPath(b)),
            OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);
}
