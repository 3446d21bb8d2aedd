using PuppeteerSharp;
using PuppeteerSharp.Media;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Opens a small rendered book (three fixture chapters) in headless Chromium from file://, every request off the
/// machine refused: the search box finds a word of one chapter only and opens that chapter at its section; the
/// sidebar and the page's section contents lead where they say; the theme toggle switches to dark and is remembered.
/// </summary>
public sealed class BookSearchBrowserTests
{
    /// <summary>The word only chapter 01's second section has.</summary>
    private const string Unique = "backpropagation";

    /// <summary>Paragraphs enough to make a page taller than the window, so that a section can scroll to its top.</summary>
    private static readonly string Filler = string.Join("\n\n", Enumerable.Range(1, 40).Select(i => $"Filler paragraph {i}."));

    private static string RenderBook()
    {
        var source = NewFolder();
        var notebooks = new[]
        {
            NotebookReader.Read(Write(source, "00-setup", Markdown("# Setting up\n\nCheck the tools."), Markdown("## The kernel\n\nA cell runs."))),
            NotebookReader.Read(Write(source, "01-training",
                Markdown("# Training\n\nWhat training does.\n\n" + Filler),
                Markdown("## 1. The loss\n\nThe loss compares outputs and targets."),
                Code("var loss = 0.5;"),
                Markdown($"## 2. Gradients through time\n\nThe gradients come from {Unique}, step by step.\n\n### 2.1 Clipping\n\nClip them.\n\n" + Filler))),
            NotebookReader.Read(Write(source, "02-sampling", Markdown("# Sampling\n\nDraw characters."), Markdown("## Temperature\n\nThe loss is not used here."))),
        };
        var folder = Path.Combine(source, "book");
        BookRenderer.Render(notebooks, folder);
        return folder;
    }

    /// <summary>The small book rendered afresh and open in a new browser at <paramref name="page"/>, requests off the machine refused and kept.</summary>
    private sealed class OpenBook : IAsyncDisposable
    {
        private IBrowser browser = null!;

        public IPage Tab { get; private set; } = null!;

        public List<string> OffMachine { get; private set; } = null!;

        public List<string> ScriptErrors { get; private set; } = null!;

        public static async Task<OpenBook> OpenAsync(string page, string scheme = "light")
        {
            var folder = RenderBook();
            var book = new OpenBook { browser = await Browser.LaunchAsync() };
            book.Tab = await book.browser.NewPageAsync();
            await book.Tab.SetViewportAsync(new ViewPortOptions { Width = 1400, Height = 900 });
            await EmulateColorSchemeAsync(book.Tab, scheme);
            book.OffMachine = await Browser.KeepOnTheMachineAsync(book.Tab);
            book.ScriptErrors = Browser.ScriptErrors(book.Tab);
            await book.Tab.GoToAsync(new Uri(Path.Combine(folder, page)).AbsoluteUri);
            return book;
        }

        public ValueTask DisposeAsync() => browser.DisposeAsync();
    }

    [BrowserFact]
    public async Task Search_finds_a_word_of_one_chapter_and_opens_it_at_its_section()
    {
        await using var book = await OpenBook.OpenAsync("02-sampling.html");
        var tab = book.Tab;

        const string results = "#search-results li.result";
        await tab.Locator("#search").FillAsync(Unique.ToUpperInvariant()[..8]);
        await tab.WaitForSelectorAsync(results, new WaitForSelectorOptions { Visible = true, Timeout = 5_000 });
        Assert.Equal(1, await tab.CountAsync(results));
        Assert.Equal("Training", await tab.InnerTextAsync(results + " .result-chapter"));
        Assert.Equal("2. Gradients through time", await tab.InnerTextAsync(results + " .result-section"));

        await tab.Locator("#search").FillAsync("loss");
        Assert.Equal(["1. The loss", "Temperature"], await tab.AllInnerTextsAsync("#search-results .result-section"));
        await tab.Locator("#search").FillAsync("no-such-word");
        Assert.Equal(0, await tab.CountAsync(results));
        Assert.Equal(1, await tab.CountAsync("#search-results li.empty"));

        await tab.Locator("#search").FillAsync(Unique);
        await tab.FollowAsync(await tab.SingleAsync(results + " a"), "/01-training.html");
        var anchor = new Uri(tab.Url).Fragment.TrimStart('#');
        Assert.True(anchor.Length > 0, $"the result opened {tab.Url}, with no section");
        var heading = await tab.SingleAsync($"[id='{anchor}']");
        Assert.Equal("H2", await heading.EvaluateFunctionAsync<string>("e => e.tagName"));
        Assert.StartsWith("2. Gradients through time", await heading.InnerTextAsync());
        Assert.True(await heading.IsSeenAsync());
        Assert.True(await tab.EvaluateFunctionAsync<bool>("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }", anchor),
            "the section's heading is not at the top of the window");
        Assert.Empty(book.ScriptErrors);
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task The_sidebar_and_the_section_contents_lead_to_their_pages_and_sections()
    {
        await using var book = await OpenBook.OpenAsync("index.html");
        var tab = book.Tab;

        await tab.FollowAsync(await tab.SingleAsync(".sidebar a", "Training"), "/01-training.html");
        var current = await tab.InnerTextAsync(".sidebar a.current");
        Assert.Equal("Training", current[(current.IndexOf(' ') + 1)..]);
        Assert.Equal(["1. The loss", "2. Gradients through time", "2.1 Clipping"], await tab.AllInnerTextsAsync(".toc a"));

        await tab.ClickAsync(".toc a", "2.1 Clipping");
        await tab.WaitForFunctionAsync("() => location.hash.length > 1", new WaitForFunctionOptions { Timeout = PageQueries.Timeout });
        var anchor = new Uri(await tab.EvaluateExpressionAsync<string>("location.href")).Fragment.TrimStart('#');
        Assert.StartsWith("2.1 Clipping", await tab.InnerTextAsync($"h3[id='{anchor}']"));
        var top = await tab.EvaluateFunctionAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", anchor);
        Assert.True(top is >= 0 and < 450, $"the clicked section's heading is {top}px from the top of the window");

        await tab.FollowAsync(await tab.SingleAsync(".sidebar a", "Sampling"), "/02-sampling.html");
        var bookNav = await tab.WaitForSelectorAsync("main > .book-nav", new WaitForSelectorOptions { Timeout = PageQueries.Timeout });
        var previous = await bookNav.QuerySelectorAllAsync("a[rel=prev]");
        Assert.True(previous.Length == 1, $"the first book-nav has {previous.Length} links to the previous page");
        await tab.FollowAsync(previous[0], "/01-training.html");
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task The_toggle_switches_to_the_dark_theme_and_the_choice_is_remembered()
    {
        await using var book = await OpenBook.OpenAsync("00-setup.html", "light");
        var tab = book.Tab;
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateFunctionAsync<string>(background));

        await tab.Locator("#theme-toggle").ClickAsync();

        Assert.Equal("dark", await tab.EvaluateFunctionAsync<string>("() => document.documentElement.getAttribute('data-theme')"));
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateFunctionAsync<string>(background));
        await tab.FollowAsync(await tab.SingleAsync(".sidebar a", "Training"), "/01-training.html");
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateFunctionAsync<string>(background));
        await tab.Locator("#theme-toggle").ClickAsync();
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateFunctionAsync<string>(background));

        await EmulateColorSchemeAsync(tab, "dark");
        await tab.EvaluateFunctionAsync("() => localStorage.clear()");
        await tab.ReloadAsync();
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateFunctionAsync<string>(background)); // the system's choice when none is stored
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task Printed_the_page_is_its_content_alone_with_code_wrapped()
    {
        await using var book = await OpenBook.OpenAsync("01-training.html");
        var tab = book.Tab;
        await tab.Locator("#theme-toggle").ClickAsync(); // dark on screen: print is light all the same

        await tab.EmulateMediaTypeAsync(MediaType.Print);

        foreach (var part in new[] { ".topbar", ".sidebar", ".toc", ".book-nav", ".page-links" })
        {
            Assert.False(await FirstIsSeenAsync(tab, part), $"{part} is printed");
        }
        Assert.True(await FirstIsSeenAsync(tab, "main h2"));
        Assert.Equal("pre-wrap", await tab.EvaluateFunctionAsync<string>("() => getComputedStyle(document.querySelector('.source pre')).whiteSpace"));
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateFunctionAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(book.OffMachine);
    }

    /// <summary>Makes <paramref name="tab"/> report <c>prefers-color-scheme</c> as <paramref name="scheme"/> ("light" or "dark").</summary>
    private static Task EmulateColorSchemeAsync(IPage tab, string scheme) =>
        tab.EmulateMediaFeaturesAsync([new MediaFeatureValue { MediaFeature = MediaFeature.PrefersColorScheme, Value = scheme }]);

    /// <summary>Whether the first element matching <paramref name="selector"/> is seen (false when none does).</summary>
    private static async Task<bool> FirstIsSeenAsync(IPage tab, string selector) =>
        await tab.QuerySelectorAsync(selector) is { } first && await first.IsSeenAsync();
}
