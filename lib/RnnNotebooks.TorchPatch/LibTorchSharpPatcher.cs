using RnnNotebooks.TorchPatch.Elf;

namespace RnnNotebooks.TorchPatch;

/// <summary>
/// Lets TorchSharp-cpu 0.107 load where libstdc++ is older than GCC 13. Its libLibTorchSharp.so needs
/// GLIBCXX_3.4.32, which Debian 12's libstdc++ lacks (it stops at 3.4.30); the only symbol bound to that version
/// is never called, so marking the requirement weak makes the loader accept the file. This is done to every copy
/// TorchSharp may load (<see cref="LibTorchSharpFiles"/>), only when this machine's libstdc++ lacks the version:
/// on Windows, macOS and newer Linux nothing is touched.
/// </summary>
public static class LibTorchSharpPatcher
{
    /// <summary>The version requirement that is made weak.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    /// <summary>Patches, where this machine needs it, the libLibTorchSharp.so files of <paramref name="packagesFolder"/> and <paramref name="appFolders"/>.</summary>
    /// <param name="packagesFolder">The NuGet global packages folder.</param>
    /// <param name="appFolders">Build outputs whose copies are patched too.</param>
    /// <exception cref="ElfFormatException">A libLibTorchSharp.so is not the ELF file expected; it is left untouched.</exception>
    public static PatchReport Run(string packagesFolder, IEnumerable<string> appFolders)
    {
        string? libStdCxx = LibStdCxx.LoadedPath();
        bool hasVersion = !OperatingSystem.IsLinux() || (libStdCxx is not null && LibStdCxx.Defines(libStdCxx, RequiredVersion));
        var libraries = hasVersion ? [] : LibTorchSharpFiles.Find(packagesFolder, appFolders).Select(Patch).ToList();
        return new PatchReport(libStdCxx, hasVersion, libraries);
    }

    /// <summary>Patches one file; a file that cannot be replaced (read-only folder) is reported, not fatal: another copy may be the one loaded.</summary>
    private static PatchedLibrary Patch(string path)
    {
        try
        {
            return new PatchedLibrary(path, ElfVersionPatcher.MarkWeak(path, RequiredVersion));
        }
        catch (IOException e) when (e is not ElfFormatException)
        {
            return new PatchedLibrary(path, null, e.Message);
        }
    }
}
