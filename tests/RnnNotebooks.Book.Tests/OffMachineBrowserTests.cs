using PuppeteerSharp;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// The guards the browser tests rely on, checked on a page made to trip them: <see cref="Browser.KeepOnTheMachineAsync"/>
/// refuses and lists a request off the machine while the page's own file and data: URIs load, and
/// <see cref="Browser.ScriptErrors"/> catches an uncaught script error. Without this, "no request left the machine" and
/// "no script error" elsewhere could hold only because nothing was watched.
/// </summary>
public sealed class OffMachineBrowserTests
{
    /// <summary>A one-pixel transparent GIF, as a data: URI.</summary>
    private const string Pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==";

    [BrowserFact]
    public async Task A_request_off_the_machine_is_refused_and_listed_and_a_script_error_is_caught()
    {
        var folder = TestNotebook.NewFolder();
        File.WriteAllBytes(Path.Combine(folder, "local.gif"), Convert.FromBase64String(Pixel["data:image/gif;base64,".Length..]));
        var page = Path.Combine(folder, "page.html");
        File.WriteAllText(page, "<!DOCTYPE html><html><body>" +
            "<img id='local' src='local.gif'><img id='inline' src='" + Pixel + "'><img id='remote' src='http://example.invalid/x.png'>" +
            "<script>setTimeout(() => { throw new Error('thrown on purpose'); }, 0);</script></body></html>");
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        var offMachine = await Browser.KeepOnTheMachineAsync(tab);
        var scriptErrors = Browser.ScriptErrors(tab);

        await tab.GoToAsync(new Uri(page).AbsoluteUri, WaitUntilNavigation.Load);
        await tab.WaitForFunctionAsync("() => [...document.images].every(i => i.complete)", new WaitForFunctionOptions { Timeout = PageQueries.Timeout });

        Assert.Equal(["http://example.invalid/x.png"], offMachine);
        var widths = await tab.EvaluateFunctionAsync<int[]>("() => [...document.images].map(i => i.naturalWidth)");
        Assert.Equal(new[] { 1, 1, 0 }, widths); // the local file and the data: URI load; the remote one is refused
        Assert.Contains(scriptErrors, error => error.Contains("thrown on purpose", StringComparison.Ordinal));
    }
}
