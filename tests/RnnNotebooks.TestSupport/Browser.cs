using PuppeteerSharp;
using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// A Chromium-family browser already on this machine (<see cref="BrowserLocation"/>: Chromium, Google Chrome or Microsoft
/// Edge), driven by PuppeteerSharp as the engine's <see cref="ChartImages"/> drives it, with no browser download.
/// </summary>
public static class Browser
{
    /// <summary>The window's size when a test sets none: 1280x720, as the tests were written for.</summary>
    public const int DefaultWidth = 1280, DefaultHeight = 720;

    /// <summary>The browser's executable, or null when none was found.</summary>
    public static string? Executable => BrowserLocation.Executable;

    /// <summary>Why browser tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => BrowserLocation.MissingReason;

    /// <summary>
    /// Starts the browser headless with the engine's arguments (<see cref="BrowserLocation.HeadlessArguments"/>): the
    /// background-networking flags keep it from calling Google's services, which a closed network refuses; the tests also
    /// intercept every request and fail on one off the machine (<see cref="KeepOnTheMachineAsync"/>).
    /// </summary>
    public static Task<IBrowser> LaunchAsync()
    {
        Assert.True(Executable is not null, $"Browser tests need a browser: {MissingReason}");
        return Puppeteer.LaunchAsync(new LaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = BrowserLocation.HeadlessArguments,
            DefaultViewport = new ViewPortOptions { Width = DefaultWidth, Height = DefaultHeight },
        });
    }

    /// <summary>
    /// Keeps <paramref name="tab"/> on the machine: a request whose address starts with one of <paramref name="allowed"/>
    /// (file:// when none is given) or is a data: URI goes through; every other one is refused and its address added to
    /// the list returned, for the test to assert on (a page may hold references it never needs offline).
    /// </summary>
    /// <param name="tab">The page, before it loads anything.</param>
    /// <param name="allowed">Address prefixes that count as this machine, such as <c>http://127.0.0.1:8888/</c>.</param>
    public static async Task<List<string>> KeepOnTheMachineAsync(IPage tab, params string[] allowed)
    {
        string[] prefixes = [.. allowed.Length == 0 ? ["file://"] : allowed, "data:"];
        var offMachine = new List<string>();
        await tab.SetRequestInterceptionAsync(true);
        tab.Request += async (_, e) =>
        {
            var url = e.Request.Url;
            bool onMachine = prefixes.Any(prefix => url.StartsWith(prefix, StringComparison.Ordinal));
            if (!onMachine)
            {
                lock (offMachine)
                {
                    offMachine.Add(url);
                }
            }
            try
            {
                await (onMachine ? e.Request.ContinueAsync() : e.Request.AbortAsync());
            }
            catch (PuppeteerException) when (tab.IsClosed)
            {
                // the page closed while this request was pending: nothing left to decide
            }
        };
        return offMachine;
    }

    /// <summary>The uncaught script errors of <paramref name="tab"/> from now on, as a list the test asserts on.</summary>
    public static List<string> ScriptErrors(IPage tab)
    {
        var errors = new List<string>();
        tab.PageError += (_, e) =>
        {
            lock (errors)
            {
                errors.Add(e.Message);
            }
        };
        return errors;
    }
}
