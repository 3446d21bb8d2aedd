using System.Xml.Linq;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// The commands README.md tells a newcomer to type, read from its fenced <c>bash</c> blocks as they would copy them
/// (each line without its <c># comment</c>), and what a <c>dotnet run --project ... --</c> line asks of rnnbook.
/// </summary>
internal static class ReadmeCommands
{
    /// <summary>The section with the command that runs everything and the one that tests everything, in that order.</summary>
    public const string TwoCommands = "Two commands";

    /// <summary>The section with the command that opens the notebooks: the kernel, then Jupyter.</summary>
    public const string OpenTheNotebooks = "Open the notebooks";

    private static string Root => Repository.Layout.Root;

    /// <summary>The commands of the fenced blocks under the README's heading <paramref name="section"/>, comments dropped.</summary>
    /// <exception cref="InvalidDataException">The README has no such section, or no command under it.</exception>
    public static IReadOnlyList<string> In(string section)
    {
        var lines = MarkdownFile.Read(Path.Combine(Root, "README.md")).LinesUnder(section)
            .Select(line => line.Split(" #")[0].Trim()).Where(line => line.Length > 0).ToList();
        return lines.Count > 0 ? lines : throw new InvalidDataException($"README.md has no fenced commands under a heading '{section}'.");
    }

    /// <summary>
    /// The arguments rnnbook gets from <paramref name="command"/>, which must be <c>dotnet run --project PROJECT -- ARGS</c>
    /// with PROJECT the rnnbook project (a folder holding it, or the .csproj itself), relative to the repository root.
    /// </summary>
    /// <exception cref="InvalidDataException">The command has another shape, or PROJECT is not rnnbook's.</exception>
    public static string[] RnnbookArguments(string command)
    {
        var words = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words is not ["dotnet", "run", "--project", var project, "--", .. var args])
        {
            throw new InvalidDataException($"README command '{command}' is not 'dotnet run --project <rnnbook's project> -- ARGS'.");
        }
        var assembly = AssemblyName(project);
        return assembly == "rnnbook"
            ? args
            : throw new InvalidDataException($"README command '{command}': --project {project} {(assembly is null ? "names no project" : $"builds '{assembly}'")}, not rnnbook.");
    }

    /// <summary>The AssemblyName of the project <paramref name="project"/> names (a .csproj, or a folder holding one); null when there is none.</summary>
    private static string? AssemblyName(string project)
    {
        var path = Path.Combine(Root, project);
        var file = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.csproj").SingleOrDefault() : File.Exists(path) ? path : null;
        return file is null ? null : XDocument.Load(file).Descendants("AssemblyName").SingleOrDefault()?.Value ?? Path.GetFileNameWithoutExtension(file);
    }
}
