using System.Diagnostics;
using System.Runtime.CompilerServices;
using RnnNotebooks.Torch.Elf;
using TorchSharp;

namespace RnnNotebooks.Torch;

/// <summary>
/// Makes TorchSharp load on this machine with no manual step. TorchSharp-cpu 0.107's libLibTorchSharp.so needs
/// GLIBCXX_3.4.32 (GCC 13), which Debian 12's libstdc++ lacks; the only symbol bound to it is never called, so when
/// the process's libstdc++ lacks that version this marks the requirement weak in every libLibTorchSharp.so TorchSharp
/// may load (<see cref="LibTorchSharpLocator"/>), then loads the native backend and sets one torch thread.
/// Every type in this library calls <see cref="EnsureLoaded"/> before its first torch call; call it yourself before
/// using TorchSharp directly.
/// </summary>
public static class TorchSetup
{
    /// <summary>The version requirement that is made weak.</summary>
    public const string RequiredVersion = "GLIBCXX_3.4.32";

    /// <summary>torch's intra-op thread count: 1, as timings on a 2-core machine are erratic with more.</summary>
    public const int Threads = 1;

    private static readonly Lock Gate = new();
    private static TorchLoadReport? report;

    /// <summary>The report of the first <see cref="EnsureLoaded"/> call, or null before it.</summary>
    public static TorchLoadReport? Report => report;

    /// <summary>Patches if needed, loads libtorch and sets <see cref="Threads"/>; a second call only returns the first report.</summary>
    /// <exception cref="ElfFormatException">A libLibTorchSharp.so is not the ELF file expected; it is left untouched.</exception>
    /// <exception cref="InvalidOperationException">TorchSharp still could not load; the message lists what was patched.</exception>
    public static TorchLoadReport EnsureLoaded()
    {
        lock (Gate)
        {
            return report ??= Load();
        }
    }

    private static TorchLoadReport Load()
    {
        var clock = Stopwatch.StartNew();
        string? libStdCxx = LibStdCxx.LoadedPath();
        bool hasVersion = !OperatingSystem.IsLinux() || (libStdCxx is not null && LibStdCxx.Defines(libStdCxx, RequiredVersion));
        var libraries = hasVersion ? [] : PatchAll();
        var patchTime = clock.Elapsed;
        StartTorch(libraries);
        return new TorchLoadReport(libStdCxx, hasVersion, libraries, patchTime, clock.Elapsed);
    }

    private static List<PatchedLibrary> PatchAll() => LibTorchSharpLocator.Candidates().Select(Patch).ToList();

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

    /// <summary>The first torch calls, kept out of <see cref="Load"/> so nothing touches torch before the patch.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartTorch(IReadOnlyList<PatchedLibrary> libraries)
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            torch.set_num_threads(Threads);
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            string patched = libraries.Count == 0
                ? "no libLibTorchSharp.so needed patching or none was found"
                : string.Join("; ", libraries);
            throw new InvalidOperationException(
                $"TorchSharp could not load its native backend ({patched}). If torch was used in this process before " +
                $"{nameof(TorchSetup)}.{nameof(EnsureLoaded)}(), the failed load is cached: restart the process (or notebook kernel) " +
                $"and call {nameof(TorchSetup)}.{nameof(EnsureLoaded)}() first. Cause: {e.Message}", e);
        }
    }
}
