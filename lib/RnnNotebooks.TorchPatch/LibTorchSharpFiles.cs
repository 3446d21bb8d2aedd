namespace RnnNotebooks.TorchPatch;

/// <summary>
/// The libLibTorchSharp.so files TorchSharp 0.107 may load on Linux, found without loading TorchSharp. Its native
/// loader first asks the runtime for "LibTorchSharp": a build output's <c>runtimes/linux-x64/native/</c> (copied
/// there from the package at build time) or, in a published app, the folder of TorchSharp.dll. When that fails
/// (a notebook's <c>#r "nuget: TorchSharp-cpu"</c>, which loads TorchSharp.dll from the package folder) it copies
/// the package's natives from <c>&lt;packages&gt;/torchsharp/&lt;version&gt;/runtimes/linux-x64/native/</c> into
/// <c>cpu/</c> beside TorchSharp.dll and loads that copy. Every such file that exists is a candidate: the
/// package's own copy, so that later copies come out patched, and the copies already made.
/// </summary>
public static class LibTorchSharpFiles
{
    /// <summary>The native library's file name on Linux.</summary>
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>The runtime identifier TorchSharp uses for its Linux natives.</summary>
    public const string NativeRid = "linux-x64";

    /// <summary>The existing libLibTorchSharp.so files of every torchsharp version in a package folder and in some app folders; full paths, no duplicates.</summary>
    /// <param name="packagesFolder">The NuGet global packages folder (its <c>torchsharp/&lt;version&gt;/</c> folders are searched).</param>
    /// <param name="appFolders">Build outputs or published apps: each folder itself, its <c>runtimes/linux-x64/native/</c> and its <c>cpu/</c>.</param>
    public static IReadOnlyList<string> Find(string packagesFolder, IEnumerable<string> appFolders)
    {
        var folders = new List<string>();
        string torchSharp = Path.Combine(packagesFolder, "torchsharp");
        foreach (string package in SubFolders(torchSharp))
        {
            folders.Add(Path.Combine(package, "runtimes", NativeRid, "native"));
            folders.AddRange(SubFolders(Path.Combine(package, "lib")).Select(tfm => Path.Combine(tfm, "cpu")));
        }
        foreach (string app in appFolders)
        {
            folders.Add(app);
            folders.Add(Path.Combine(app, "runtimes", NativeRid, "native"));
            folders.Add(Path.Combine(app, "cpu"));
        }
        return folders
            .Select(folder => Path.GetFullPath(Path.Combine(folder, FileName)))
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>The folders in <paramref name="folder"/> in ordinal order; none when it does not exist.</summary>
    private static IEnumerable<string> SubFolders(string folder) =>
        Directory.Exists(folder) ? Directory.GetDirectories(folder).Order(StringComparer.Ordinal) : [];

    /// <summary>NUGET_PACKAGES if set, else ~/.nuget/packages: the global packages folder NuGet and TorchSharp use.</summary>
    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
