namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// A Chromium-family browser already on this machine (Chromium, Google Chrome or Microsoft Edge): the environment variable
/// <c>RNNNOTEBOOKS_BROWSER</c> (a path), then PATH, then where each OS's installers put it. Nothing is downloaded.
/// </summary>
public static class BrowserLocation
{
    /// <summary>The environment variable that names the browser's executable.</summary>
    public const string EnvironmentVariable = "RNNNOTEBOOKS_BROWSER";

    private static readonly Lazy<string?> Found = new(Find);

    /// <summary>The browser's executable, or null when none was found.</summary>
    public static string? Executable => Found.Value;

    /// <summary>Why no browser can be used here, or null when one can.</summary>
    public static string? MissingReason => Executable is null
        ? $"no Chromium, Chrome or Edge found (set {EnvironmentVariable} to its path; on Debian: apt-get install chromium)"
        : null;

    /// <summary>
    /// Arguments for a headless run that stays on the machine: no sandbox (containers), no GPU, and none of the
    /// background calls to Google's services that a closed network refuses.
    /// </summary>
    public static readonly string[] HeadlessArguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private static string? Find()
    {
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } chosen)
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
