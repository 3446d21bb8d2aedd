namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// A copy of this repository (its sources: no artifacts/, out/, .git, bin/ or obj/) in a temporary folder, built with
/// <c>dotnet build -c Release</c> only, as a reader whose IDE builds Release has it. Built once for the tests that use it.
/// </summary>
public sealed class ReleaseOnlyCopy : IAsyncLifetime
{
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase) { "artifacts", "out", ".git", "bin", "obj", "TestResults", "charts", ".vs" };

    /// <summary>The copy's root.</summary>
    public string Root { get; } = Directory.CreateTempSubdirectory("rnnbook-release-").FullName;

    /// <summary>The build's result, for the tests' messages.</summary>
    public ProcessResult Build { get; private set; } = new(-1, "", "");

    /// <summary>rnnbook as the Release build wrote it.</summary>
    public string RnnbookDll => Path.Combine(Root, "artifacts", "bin", "RnnNotebooks.Cli", "release", "rnnbook.dll");

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        CopySources(new DirectoryInfo(Repository.Layout.Root), Root);
        Build = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), ["build", "lib/RnnNotebooks.Cli", "-c", "Release"], Root, TimeSpan.FromMinutes(10));
    }

    /// <summary>Deletes the copy: with its Release build it holds about 370 MB, and every test run makes a new one.</summary>
    public Task DisposeAsync()
    {
        TestFolders.Delete(Root);
        return Task.CompletedTask;
    }

    private static void CopySources(DirectoryInfo from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in from.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(to, file.Name));
        }
        foreach (var folder in from.EnumerateDirectories().Where(folder => !NotCopied.Contains(folder.Name)))
        {
            CopySources(folder, Path.Combine(to, folder.Name));
        }
    }
}
