using Microsoft.Playwright;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>Debian's Chromium, driven by Playwright with no browser download, started the way this machine needs.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <summary>
    /// Starts headless Chromium. The background-networking flags keep it from calling Google's services, which
    /// this machine's closed network refuses; the tests also route every request and fail on one off the machine.
    /// </summary>
    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(Path), $"{Path} is missing: apt-get install chromium");
        return playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = Path,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}
