using Microsoft.Playwright;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// A Chromium-family browser already on this machine (Chromium, Google Chrome or Microsoft Edge), driven by Playwright
/// with no browser download. Looked for where each OS puts it, as Playwright's "chrome" and "msedge" channels do, after
/// the environment variable <c>RNNNOTEBOOKS_BROWSER</c> (a path) and PATH.
/// </summary>
public static class Browser
{
    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The browser's executable, or null when none was found.</summary>
    public static string? Executable => Found.Value;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => Executable is null
        ? "no Chromium, Chrome or Edge found (set RNNNOTEBOOKS_BROWSER to its path; on Debian: apt-get install chromium)"
        : null;

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
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable("RNNNOTEBOOKS_BROWSER") is { Length: > 0 } chosen)
        {
            return File.Exists(chosen) ? chosen : null;
        }
        return ExecutableSearch.OnPath("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "microsoft-edge", "chrome", "msedge")
            ?? ExecutableSearch.FirstExisting(KnownPlaces());
    }

    /// <summary>Where the installers of Chrome, Edge and Chromium put them on Windows, macOS and Linux.</summary>
    private static IEnumerable<string> KnownPlaces()
    {
        if (OperatingSystem.IsWindows())
        {
            var roots = new[] { Environment.SpecialFolder.ProgramFiles, Environment.SpecialFolder.ProgramFilesX86, Environment.SpecialFolder.LocalApplicationData }
                .Select(Environment.GetFolderPath).Where(root => root.Length > 0);
            return roots.SelectMany(root => new[]
            {
                Path.Combine(root, "Google", "Chrome", "Application", "chrome.exe"),
                Path.Combine(root, "Microsoft", "Edge", "Application", "msedge.exe"),
                Path.Combine(root, "Chromium", "Application", "chrome.exe"),
            });
        }
        if (OperatingSystem.IsMacOS())
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return new[] { "/Applications", Path.Combine(home, "Applications") }.SelectMany(apps => new[]
            {
                Path.Combine(apps, "Google Chrome.app", "Contents", "MacOS", "Google Chrome"),
                Path.Combine(apps, "Chromium.app", "Contents", "MacOS", "Chromium"),
                Path.Combine(apps, "Microsoft Edge.app", "Contents", "MacOS", "Microsoft Edge"),
            });
        }
        return ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium", "/opt/google/chrome/chrome", "/opt/microsoft/msedge/msedge"];
    }
}
