using System.Text.RegularExpressions;

namespace RnnNotebooks.Engine;

/// <summary>
/// The built course libraries notebooks reference: <c>artifacts/lib/</c> at the repository root, which every build of a
/// course library fills, Debug or Release (lib/Directory.Build.targets). A cell whose <c>#r "../artifacts/lib/X.dll"</c>
/// finds nothing gets one sentence saying what to run.
/// </summary>
public static partial class CourseLibraries
{
    /// <summary>The folder under the repository root.</summary>
    public const string Folder = "artifacts/lib";

    /// <summary>The command that builds the course libraries and installs the kernel: the README's one command.</summary>
    public const string BuildCommand = "dotnet run --project lib/RnnNotebooks.Cli -- kernel install";

    /// <summary>What a cell that references an unbuilt course library is told, in one sentence.</summary>
    public const string NotBuilt = $"The course libraries are not built yet: run `{BuildCommand}` at the repository root, then restart the kernel.";

    /// <summary>What to add to a compile error that is a missing library under artifacts/ (CS0006), or "".</summary>
    /// <param name="message">The compile error's message.</param>
    public static string BuildHint(string message) =>
        message.Contains("CS0006", StringComparison.Ordinal) && message.Contains("artifacts", StringComparison.Ordinal)
            ? "\n" + NotBuilt + $" (Debug or Release: either fills {Folder}/; the path in #r is relative to the notebook's folder.)"
            : "";

    /// <summary>
    /// The first <c>#r "PATH"</c> of <paramref name="code"/> whose PATH lies in an <c>artifacts/lib</c> folder (in the
    /// platform's separators, as the C# kernel reads it) and names no file, as a full path resolved against <paramref name="folder"/> (the kernel's working directory, the notebook's
    /// folder); null when every such reference is there or there is none.
    /// </summary>
    /// <param name="code">A cell's source.</param>
    /// <param name="folder">The folder relative paths resolve against.</param>
    public static string? MissingReference(string code, string folder) =>
        Reference().Matches(code)
            .Select(match => match.Groups["path"].Value)
            .Where(path => path.Replace(Path.DirectorySeparatorChar, '/').Replace(Path.AltDirectorySeparatorChar, '/').Contains(Folder + "/", StringComparison.Ordinal))
            .Select(path => Path.GetFullPath(Path.Combine(folder, path)))
            .FirstOrDefault(path => !File.Exists(path));

    /// <summary>A line <c>#r "PATH"</c> (not <c>#r "nuget: ..."</c>, whose text has no artifacts/lib).</summary>
    [GeneratedRegex("""^[ \t]*#r[ \t]+"(?<path>[^"\r\n]+)"[ \t]*\r?$""", RegexOptions.Multiline)]
    private static partial Regex Reference();
}
