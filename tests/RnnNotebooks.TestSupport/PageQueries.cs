using PuppeteerSharp;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// What the browser tests ask of a page, on PuppeteerSharp: elements by CSS selector and, optionally, by the text they
/// contain (case-insensitive, runs of white space as one space), counted, read, seen and clicked. A lookup that needs an
/// element waits for it (up to <see cref="Timeout"/>) and fails unless exactly one matches; a count or a visibility check
/// reads the page as it is, without waiting.
/// </summary>
public static class PageQueries
{
    /// <summary>How long a lookup waits for its element, in milliseconds.</summary>
    public const int Timeout = 5_000;

    /// <summary>JavaScript: the elements under <c>root</c> that match <c>selector</c> and contain <c>text</c> (any, when null).</summary>
    private const string Matching =
        "(root, selector, text) => [...root.querySelectorAll(selector)].filter(e => text == null || " +
        "e.textContent.replace(/\\s+/g, ' ').toLowerCase().includes(text.replace(/\\s+/g, ' ').toLowerCase()))";

    /// <summary>
    /// JavaScript: whether an element is seen: rendered (not in a closed &lt;details&gt;, not display: none, not
    /// visibility: hidden) and with a box of some width and height.
    /// </summary>
    private const string Seen =
        "e => { if (!e.checkVisibility() || getComputedStyle(e).visibility !== 'visible') return false;" +
        " const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0; }";

    /// <summary>How many elements under <paramref name="root"/> (the whole page when null) match, now.</summary>
    public static Task<int> CountAsync(this IPage tab, string selector, string? hasText = null, IElementHandle? root = null) =>
        root is null
            ? tab.EvaluateFunctionAsync<int>($"(selector, text) => ({Matching})(document, selector, text).length", selector, hasText)
            : root.EvaluateFunctionAsync<int>($"(root, selector, text) => ({Matching})(root, selector, text).length", selector, hasText);

    /// <summary>The elements that match, now, in document order.</summary>
    public static async Task<IReadOnlyList<IElementHandle>> AllAsync(this IPage tab, string selector, string? hasText = null)
    {
        var found = new List<IElementHandle>();
        foreach (var element in await tab.QuerySelectorAllAsync(selector))
        {
            if (await element.EvaluateFunctionAsync<int>($"(e, text) => ({Matching})(e.parentNode, ':scope > *', text).includes(e) ? 1 : 0", hasText) == 1)
            {
                found.Add(element);
            }
        }
        return found;
    }

    /// <summary>The one element that matches, once there is one (waiting up to <paramref name="timeout"/> ms); fails if there are several.</summary>
    public static async Task<IElementHandle> SingleAsync(this IPage tab, string selector, string? hasText = null, int timeout = Timeout)
    {
        await tab.WaitForFunctionAsync($"(selector, text) => ({Matching})(document, selector, text).length > 0",
            new WaitForFunctionOptions { Timeout = timeout }, selector, hasText);
        var found = await tab.AllAsync(selector, hasText);
        Assert.True(found.Count == 1, $"{found.Count} elements match '{selector}'{(hasText is null ? "" : $" with text '{hasText}'")}; expected one");
        return found[0];
    }

    /// <summary>The text of the one element that matches, as the browser renders it (innerText).</summary>
    public static async Task<string> InnerTextAsync(this IPage tab, string selector, string? hasText = null) =>
        await (await tab.SingleAsync(selector, hasText)).InnerTextAsync();

    /// <summary>The text of <paramref name="element"/> as the browser renders it (innerText).</summary>
    public static Task<string> InnerTextAsync(this IElementHandle element) => element.EvaluateFunctionAsync<string>("e => e.innerText");

    /// <summary>The rendered text of every element that matches, now, in document order.</summary>
    public static Task<string[]> AllInnerTextsAsync(this IPage tab, string selector) =>
        tab.EvaluateFunctionAsync<string[]>("selector => [...document.querySelectorAll(selector)].map(e => e.innerText)", selector);

    /// <summary>Whether <paramref name="element"/> is seen: rendered, visible and with a box of some size.</summary>
    public static Task<bool> IsSeenAsync(this IElementHandle element) => element.EvaluateFunctionAsync<bool>(Seen);

    /// <summary>Whether the element that matches is seen, now: false when none matches; fails if several do.</summary>
    public static async Task<bool> IsSeenAsync(this IPage tab, string selector, string? hasText = null)
    {
        var found = await tab.AllAsync(selector, hasText);
        Assert.True(found.Count <= 1, $"{found.Count} elements match '{selector}'; expected at most one");
        return found.Count == 1 && await found[0].IsSeenAsync();
    }

    /// <summary>Clicks the one element that matches, once there is one.</summary>
    public static async Task ClickAsync(this IPage tab, string selector, string? hasText) =>
        await (await tab.SingleAsync(selector, hasText)).ClickAsync();

    /// <summary>
    /// Clicks <paramref name="link"/> and waits until the page it opens has loaded; fails unless that page's path ends
    /// with <paramref name="pathEnd"/>.
    /// </summary>
    public static async Task FollowAsync(this IPage tab, IElementHandle link, string pathEnd)
    {
        var loaded = tab.WaitForNavigationAsync(new NavigationOptions { Timeout = 30_000 });
        await link.ClickAsync();
        await loaded;
        Assert.True(new Uri(tab.Url).AbsolutePath.EndsWith(pathEnd, StringComparison.Ordinal), $"the link opened {tab.Url}, not .../{pathEnd}");
    }

    /// <summary>Scrolls <paramref name="element"/> to the middle of the window unless it is already in view.</summary>
    public static Task ScrollIntoViewIfNeededAsync(this IElementHandle element) =>
        element.EvaluateFunctionAsync("e => e.scrollIntoViewIfNeeded(true)");
}
