using System.Diagnostics;
using System.Runtime.CompilerServices;
using TorchSharp;

namespace RnnNotebooks.Torch;

/// <summary>
/// Loads TorchSharp's native backend once and sets one torch thread. Every type in this library calls
/// <see cref="EnsureLoaded"/> before its first torch call; call it yourself before using TorchSharp directly.
/// On Debian 12 (libstdc++ without GLIBCXX_3.4.32) TorchSharp-cpu 0.107 loads only after the install step of
/// lib/RnnNotebooks.TorchPatch, which every build of this library runs; this class rewrites no file.
/// </summary>
public static class TorchSetup
{
    /// <summary>torch's intra-op thread count: 1, as timings on a 2-core machine are erratic with more.</summary>
    public const int Threads = 1;

    /// <summary>What to run when the native backend does not load on Linux: the install step that marks libLibTorchSharp.so's need of GLIBCXX_3.4.32 weak.</summary>
    public const string InstallCommand = "dotnet run --project lib/RnnNotebooks.TorchPatch";

    private static readonly Lock Gate = new();
    private static TorchLoadReport? report;

    /// <summary>The report of the first <see cref="EnsureLoaded"/> call, or null before it.</summary>
    public static TorchLoadReport? Report => report;

    /// <summary>Loads libtorch and sets <see cref="Threads"/>; a second call only returns the first report.</summary>
    /// <exception cref="InvalidOperationException">TorchSharp could not load; the message names the install step.</exception>
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
        StartTorch();
        return new TorchLoadReport(clock.Elapsed);
    }

    /// <summary>The first torch calls, kept out of <see cref="Load"/> so that its clock starts before torch's static constructor runs.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void StartTorch()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            torch.set_num_threads(Threads);
        }
        catch (Exception e) when (e is TypeInitializationException or NotSupportedException or DllNotFoundException or EntryPointNotFoundException)
        {
            string install = OperatingSystem.IsLinux()
                ? $"On Linux with a libstdc++ older than GCC 13 (Debian 12), libLibTorchSharp.so needs the install step first: " +
                  $"build lib/RnnNotebooks.Torch, or run `{InstallCommand}` in the repository. "
                : "";
            throw new InvalidOperationException(
                $"TorchSharp could not load its native backend. {install}If torch was used in this process before " +
                $"{nameof(TorchSetup)}.{nameof(EnsureLoaded)}(), the failed load is cached: restart the process (or notebook kernel) " +
                $"and call {nameof(TorchSetup)}.{nameof(EnsureLoaded)}() first. Cause: {e.Message}", e);
        }
    }
}
