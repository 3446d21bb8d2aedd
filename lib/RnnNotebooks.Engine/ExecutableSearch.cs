namespace RnnNotebooks.Engine;

/// <summary>Finds a program the way a shell does, on every OS: on PATH (with PATHEXT's endings on Windows), or at a known place.</summary>
public static class ExecutableSearch
{
    /// <summary>The first of <paramref name="names"/> found on PATH, or null.</summary>
    public static string? OnPath(params string[] names)
    {
        var folders = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var endings = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries).Prepend("")
            : [""];
        return names.SelectMany(name => folders.SelectMany(folder => endings.Select(ending => Path.Combine(folder, name + ending))))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>The first of <paramref name="paths"/> that exists, or null.</summary>
    public static string? FirstExisting(IEnumerable<string> paths) => paths.FirstOrDefault(File.Exists);
}
