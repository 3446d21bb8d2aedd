namespace RnnNotebooks.Engine;

/// <summary>
/// The built course libraries notebooks reference: <c>artifacts/lib/</c> at the repository root, which every build of a
/// course library fills, Debug or Release (lib/Directory.Build.targets). A cell whose <c>#r "../artifacts/lib/X.dll"</c>
/// finds nothing gets a line saying how to build them.
/// </summary>
public static class CourseLibraries
{
    /// <summary>The folder under the repository root.</summary>
    public const string Folder = "artifacts/lib";

    /// <summary>What to add to a compile error that is a missing library under artifacts/ (CS0006), or "".</summary>
    /// <param name="message">The compile error's message.</param>
    public static string BuildHint(string message) =>
        message.Contains("CS0006", StringComparison.Ordinal) && message.Contains("artifacts", StringComparison.Ordinal)
            ? $"\nThe course libraries are not built: run `dotnet build` at the repository root (Debug or Release: either fills {Folder}/). " +
              "The path in #r is relative to the notebook's folder."
            : "";
}
