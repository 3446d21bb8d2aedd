using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Tells when the process that started the kernel (Jupyter's kernel manager) is gone, so a kernel whose client
/// was killed does not live on as an orphan. On Linux and macOS: the parent process id changes (the kernel is
/// re-parented) — checked every <see cref="PollInterval"/>. On Windows: the process named by Jupyter's
/// <c>JPY_PARENT_PID</c> exits. A heartbeat that falls silent is not used: Jupyter's kernel manager does not ping.
/// </summary>
internal static class ParentProcessWatcher
{
    /// <summary>How often the parent is checked on Linux and macOS.</summary>
    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    /// <summary>Completes when the parent exits; never, if it cannot be watched.</summary>
    public static async Task WhenParentExitsAsync(CancellationToken stop)
    {
        if (OperatingSystem.IsWindows())
        {
            await WhenWindowsParentExitsAsync(stop);
            return;
        }
        int parent = getppid();
        while (getppid() == parent)
        {
            await Task.Delay(PollInterval, stop);
        }
    }

    private static async Task WhenWindowsParentExitsAsync(CancellationToken stop)
    {
        if (!int.TryParse(Environment.GetEnvironmentVariable("JPY_PARENT_PID"), NumberStyles.Integer, CultureInfo.InvariantCulture, out int id))
        {
            await Task.Delay(Timeout.Infinite, stop);
            return;
        }
        try
        {
            using var parent = Process.GetProcessById(id);
            await parent.WaitForExitAsync(stop);
        }
        catch (ArgumentException)
        {
            // already gone
        }
    }

    [DllImport("libc", SetLastError = false)]
    private static extern int getppid();
}
