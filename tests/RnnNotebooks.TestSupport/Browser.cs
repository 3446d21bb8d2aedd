using Microsoft.Playwright;
using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// A Chromium-family browser already on this machine (<see cref="BrowserLocation"/>: Chromium, Google Chrome or Microsoft
/// Edge), driven by Playwright with no browser download.
/// </summary>
public static class Browser
{
    /// <summary>The browser's executable, or null when none was found.</summary>
    public static string? Executable => BrowserLocation.Executable;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => BrowserLocation.MissingReason;

    /// <summary>
    /// Starts the browser headless. The background-networking flags keep it from calling Google's services, which a
    /// closed network refuses; the tests also route every request and fail on one off the machine.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(Executable is not null, $"Browser tests need a browser: {MissingReason}");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = BrowserLocation.HeadlessArguments,
        });
    }

    /// <summary>
    /// Keeps <paramref name="tab"/> on the machine: file:// and data: requests go through, every other one is refused and
    /// its address added to the list returned, for the test to assert on (a page may hold references it never needs offline).
    /// </summary>
    public static async Task<List<string>> KeepOnTheMachineAsync(IPage tab)
    {
        var offMachine = new List<string>();
        await tab.RouteAsync("**/*", async route =>
        {
            if (route.Request.Url.StartsWith("file://", StringComparison.Ordinal) || route.Request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                await route.ContinueAsync();
                return;
            }
            lock (offMachine)
            {
                offMachine.Add(route.Request.Url);
            }
            await route.AbortAsync();
        });
        return offMachine;
    }
}
