using PuppeteerSharp;

namespace RnnNotebooks.TestSupport;

/// <summary>The <c>&lt;audio&gt;</c> elements of a page as a browser loads them from file://, with every other request refused.</summary>
public static class AudioPlayback
{
    /// <summary>
    /// Opens <paramref name="page"/> headless, waits until every audio element has loaded its metadata (or failed), and
    /// returns each one's duration in seconds (-1 for one that failed to load) and its source's scheme ("data" for a data URI).
    /// </summary>
    public static async Task<IReadOnlyList<(double Duration, string Scheme)>> LoadAsync(string page)
    {
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        var offMachine = await Browser.KeepOnTheMachineAsync(tab);
        await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);
        await tab.WaitForFunctionAsync(
            "() => [...document.querySelectorAll('audio')].every(a => { a.preload = 'auto'; if (a.readyState === 0 && !a.error) a.load(); return a.readyState >= 1 || a.error; })",
            new WaitForFunctionOptions { Timeout = 20_000, PollingInterval = 200 });
        var found = await tab.EvaluateFunctionAsync<string[][]>(
            "() => [...document.querySelectorAll('audio')].map(a => [String(a.error ? -1 : a.duration), (a.currentSrc || a.src).split(':')[0]])");
        Assert.Empty(offMachine);
        return found.Select(a => (double.Parse(a[0], System.Globalization.CultureInfo.InvariantCulture), a[1])).ToList();
    }
}
