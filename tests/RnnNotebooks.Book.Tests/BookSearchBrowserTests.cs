using Microsoft.Playwright;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;

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
        private IPlaywright playwright = null!;
        private IBrowser browser = null!;

        public IPage Tab { get; private set; } = null!;

        public List<string> OffMachine { get; } = [];

        public List<string> ScriptErrors { get; } = [];

        public static async Task<OpenBook> OpenAsync(string page, ColorScheme scheme = ColorScheme.Light)
        {
            var folder = RenderBook();
            var book = new OpenBook { playwright = await Playwright.CreateAsync() };
            book.browser = await Browser.LaunchAsync(book.playwright);
            book.Tab = await book.browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 900 }, ColorScheme = scheme });
            await book.Tab.RouteAsync("**/*", route => BrowserTests.BlockAllButFilesAsync(route, book.OffMachine));
            book.Tab.PageError += (_, error) => book.ScriptErrors.Add(error);
            await book.Tab.GotoAsync(new Uri(Path.Combine(folder, page)).AbsoluteUri);
            return book;
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [BrowserFact]
    public async Task Search_finds_a_word_of_one_chapter_and_opens_it_at_its_section()
    {
        await using var book = await OpenBook.OpenAsync("02-sampling.html");
        var tab = book.Tab;

        await tab.Locator("#search").FillAsync(Unique.ToUpperInvariant()[..8]);
        var results = tab.Locator("#search-results li.result");
        await results.First.WaitForAsync(new() { Timeout = 5_000 });
        Assert.Equal(1, await results.CountAsync());
        Assert.Equal("Training", await results.Locator(".result-chapter").InnerTextAsync());
        Assert.Equal("2. Gradients through time", await results.Locator(".result-section").InnerTextAsync());

        await tab.Locator("#search").FillAsync("loss");
        Assert.Equal(["1. The loss", "Temperature"], await tab.Locator("#search-results .result-section").AllInnerTextsAsync());
        await tab.Locator("#search").FillAsync("no-such-word");
        Assert.Equal(0, await results.CountAsync());
        Assert.Equal(1, await tab.Locator("#search-results li.empty").CountAsync());

        await tab.Locator("#search").FillAsync(Unique);
        await results.Locator("a").ClickAsync();
        await tab.WaitForURLAsync("**/01-training.html#*");
        var anchor = new Uri(tab.Url).Fragment.TrimStart('#');
        var heading = tab.Locator($"[id='{anchor}']");
        Assert.Equal("H2", await heading.EvaluateAsync<string>("e => e.tagName"));
        Assert.StartsWith("2. Gradients through time", await heading.InnerTextAsync());
        Assert.True(await heading.IsVisibleAsync());
        Assert.True(await tab.EvaluateAsync<bool>("id => { const r = document.getElementById(id).getBoundingClientRect(); return r.top >= 0 && r.top < window.innerHeight / 2; }", anchor),
            "the section's heading is not at the top of the window");
        Assert.Empty(book.ScriptErrors);
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task The_sidebar_and_the_section_contents_lead_to_their_pages_and_sections()
    {
        await using var book = await OpenBook.OpenAsync("index.html");
        var tab = book.Tab;

        await tab.Locator(".sidebar a", new() { HasText = "Training" }).ClickAsync();
        await tab.WaitForURLAsync("**/01-training.html");
        Assert.Equal("Training", await tab.Locator(".sidebar a.current").InnerTextAsync().ContinueWith(t => t.Result[(t.Result.IndexOf(' ') + 1)..]));
        Assert.Equal(["1. The loss", "2. Gradients through time", "2.1 Clipping"], await tab.Locator(".toc a").AllInnerTextsAsync());

        await tab.Locator(".toc a", new() { HasText = "2.1 Clipping" }).ClickAsync();
        var anchor = new Uri(tab.Url).Fragment.TrimStart('#');
        Assert.StartsWith("2.1 Clipping", await tab.Locator($"h3[id='{anchor}']").InnerTextAsync());
        var top = await tab.EvaluateAsync<double>("id => document.getElementById(id).getBoundingClientRect().top", anchor);
        Assert.True(top is >= 0 and < 450, $"the clicked section's heading is {top}px from the top of the window");

        await tab.Locator(".sidebar a", new() { HasText = "Sampling" }).ClickAsync();
        await tab.WaitForURLAsync("**/02-sampling.html");
        await tab.Locator("main > .book-nav").First.Locator("a[rel=prev]").ClickAsync();
        await tab.WaitForURLAsync("**/01-training.html");
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task The_toggle_switches_to_the_dark_theme_and_the_choice_is_remembered()
    {
        await using var book = await OpenBook.OpenAsync("00-setup.html", ColorScheme.Light);
        var tab = book.Tab;
        const string background = "() => getComputedStyle(document.body).backgroundColor";
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateAsync<string>(background));

        await tab.Locator("#theme-toggle").ClickAsync();

        Assert.Equal("dark", await tab.EvaluateAsync<string>("() => document.documentElement.getAttribute('data-theme')"));
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateAsync<string>(background));
        await tab.Locator(".sidebar a", new() { HasText = "Training" }).ClickAsync();
        await tab.WaitForURLAsync("**/01-training.html");
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateAsync<string>(background));
        await tab.Locator("#theme-toggle").ClickAsync();
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateAsync<string>(background));

        await tab.EmulateMediaAsync(new() { ColorScheme = ColorScheme.Dark });
        await tab.EvaluateAsync("() => localStorage.clear()");
        await tab.ReloadAsync();
        Assert.Equal("rgb(18, 24, 31)", await tab.EvaluateAsync<string>(background)); // the system's choice when none is stored
        Assert.Empty(book.OffMachine);
    }

    [BrowserFact]
    public async Task Printed_the_page_is_its_content_alone_with_code_wrapped()
    {
        await using var book = await OpenBook.OpenAsync("01-training.html");
        var tab = book.Tab;
        await tab.Locator("#theme-toggle").ClickAsync(); // dark on screen: print is light all the same

        await tab.EmulateMediaAsync(new() { Media = Media.Print });

        foreach (var part in new[] { ".topbar", ".sidebar", ".toc", ".book-nav", ".page-links" })
        {
            Assert.False(await tab.Locator(part).First.IsVisibleAsync(), $"{part} is printed");
        }
        Assert.True(await tab.Locator("main h2").First.IsVisibleAsync());
        Assert.Equal("pre-wrap", await tab.EvaluateAsync<string>("() => getComputedStyle(document.querySelector('.source pre')).whiteSpace"));
        Assert.Equal("rgb(255, 255, 255)", await tab.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor"));
        Assert.Empty(book.OffMachine);
    }
}
