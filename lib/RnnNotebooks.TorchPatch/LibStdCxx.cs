using System.Runtime.InteropServices;
using RnnNotebooks.TorchPatch.Elf;

namespace RnnNotebooks.TorchPatch;

/// <summary>
/// The C++ runtime this process binds libLibTorchSharp.so to: the libstdc++.so.6 already mapped into the process
/// (the .NET runtime itself links it), found in /proc/self/maps, and the GLIBCXX versions it defines.
/// </summary>
public static class LibStdCxx
{
    /// <summary>The soname every C++ library on Linux needs.</summary>
    public const string Soname = "libstdc++.so.6";

    /// <summary>
    /// The path of the libstdc++ mapped into this process, loading it by soname first if it is not mapped yet;
    /// null off Linux or when it cannot be found.
    /// </summary>
    public static string? LoadedPath()
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }
        return MappedPath() ?? (NativeLibrary.TryLoad(Soname, out _) ? MappedPath() : null);
    }

    /// <summary>True when the libstdc++ at <paramref name="path"/> defines version <paramref name="version"/>, e.g. "GLIBCXX_3.4.32".</summary>
    public static bool Defines(string path, string version) => ElfVersions.Definitions(ElfImage.Load(path)).Contains(version);

    /// <summary>The file named by the first line of /proc/self/maps that maps a libstdc++.so.6, or null.</summary>
    private static string? MappedPath()
    {
        foreach (string line in File.ReadLines("/proc/self/maps"))
        {
            int slash = line.IndexOf('/', StringComparison.Ordinal);
            if (slash >= 0 && Path.GetFileName(line[slash..]).StartsWith(Soname, StringComparison.Ordinal))
            {
                return line[slash..].Trim();
            }
        }
        return null;
    }
}
