using TorchSharp;

namespace RnnNotebooks.Torch;

/// <summary>
/// Where TorchSharp 0.107 loads libLibTorchSharp.so from. Its native backend loader (run by the static constructor
/// of <c>torch</c>) first asks the runtime for "LibTorchSharp" relative to TorchSharp.dll, which probes the app's
/// native search directories (from its .deps.json: <c>runtimes/linux-x64/native/</c> of a build output) and the
/// assembly's directory (a published app). When that fails it copies the natives of the libtorch-cpu-linux-x64 and
/// torchsharp packages, from the package folder TorchSharp.dll came from (<c>&lt;packages&gt;/torchsharp/&lt;version&gt;/lib/&lt;tfm&gt;/</c>,
/// as with a notebook's <c>#r "nuget: TorchSharp-cpu"</c>) or else from the global packages folder (NUGET_PACKAGES or
/// ~/.nuget/packages), into <c>cpu/</c> beside TorchSharp.dll, skipping files already there, and loads the copy.
/// Every such file that exists is a candidate: the package's own copy, so that later copies come out patched, and
/// the copies already made.
/// </summary>
public static class LibTorchSharpLocator
{
    /// <summary>The native library's file name on Linux.</summary>
    public const string FileName = "libLibTorchSharp.so";

    /// <summary>The runtime identifier TorchSharp uses for its Linux natives.</summary>
    public const string NativeRid = "linux-x64";

    /// <summary>The existing libLibTorchSharp.so files TorchSharp may load in this process.</summary>
    public static IReadOnlyList<string> Candidates()
    {
        var assembly = typeof(torch).Assembly;
        return Candidates(assembly.Location, AppContext.GetData("NATIVE_DLL_SEARCH_DIRECTORIES") as string,
            GlobalPackagesFolder(), assembly.GetName().Version?.ToString(3) ?? "");
    }

    /// <summary>The existing libLibTorchSharp.so files for a TorchSharp.dll at <paramref name="torchSharpAssembly"/>; full paths, no duplicates.</summary>
    /// <param name="torchSharpAssembly">Full path of TorchSharp.dll; empty when it was loaded from bytes.</param>
    /// <param name="nativeSearchDirectories">The runtime's NATIVE_DLL_SEARCH_DIRECTORIES (separated by <see cref="Path.PathSeparator"/>), or null.</param>
    /// <param name="globalPackagesFolder">The NuGet global packages folder, used when TorchSharp.dll is not in a package folder.</param>
    /// <param name="torchSharpVersion">The torchsharp package version, e.g. "0.107.0".</param>
    public static IReadOnlyList<string> Candidates(string torchSharpAssembly, string? nativeSearchDirectories, string globalPackagesFolder, string torchSharpVersion)
    {
        var directories = (nativeSearchDirectories ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!string.IsNullOrEmpty(torchSharpAssembly))
        {
            string assemblyDirectory = Path.GetDirectoryName(Path.GetFullPath(torchSharpAssembly))!;
            string packageRoot = Path.GetFullPath(Path.Combine(assemblyDirectory, "..", ".."));
            bool inPackage = File.Exists(Path.Combine(packageRoot, "torchsharp.nuspec"));
            directories.Add(assemblyDirectory);
            directories.Add(Path.Combine(assemblyDirectory, "runtimes", NativeRid, "native"));
            directories.Add(Path.Combine(inPackage ? packageRoot : Path.Combine(globalPackagesFolder, "torchsharp", torchSharpVersion), "runtimes", NativeRid, "native"));
            directories.Add(Path.Combine(assemblyDirectory, "cpu"));
        }
        return directories
            .Select(d => Path.GetFullPath(Path.Combine(d, FileName)))
            .Distinct(StringComparer.Ordinal)
            .Where(File.Exists)
            .ToList();
    }

    /// <summary>NUGET_PACKAGES if set, else ~/.nuget/packages: where TorchSharp looks for packages outside a package folder.</summary>
    public static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
}
