using System.Text.Json;
using System.Text.RegularExpressions;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// The book's frame as readers of Jupyter Book and d2l expect it: the chapter sidebar, the page's sections, previous
/// and next, anchored headings, the notebook's download and Binder links, and the search index of every section.
/// </summary>
public sealed class BookNavigationTests
{
    private static readonly string[] Names = ["00-setup", "01-why", "02-forward"];

    /// <summary>Renders three chapters, each with two h2 sections (one with an h3), into a fresh folder; returns it.</summary>
    private static string RenderBook(BookOptions? options = null)
    {
        var source = NewFolder();
        var notebooks = Names.Select(name => NotebookReader.Read(Write(source, name,
            Markdown($"# Title of {name}\n\nIntroduction of {name}."),
            Markdown($"## 1. First part of {name}\n\nProse of {name}, with $x^{{2}}$.\n\n### A detail\n\nThe detail of {name}."),
            Code($"var answer{name[..2]} = 42;"),
            Markdown($"## 2. Second part\n\nClosing words of {name}.")))).ToList();
        var folder = Path.Combine(source, "book");
        BookRenderer.Render(notebooks, folder, options ?? BookOptions.Default);
        return folder;
    }

    private static string Page(string folder, string name) => File.ReadAllText(Path.Combine(folder, name + ".html"));

    private static string Between(string html, string start, string end)
    {
        int from = html.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no {start} in the page");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [Fact]
    public void The_sidebar_links_every_chapter_in_order_and_marks_the_current_one()
    {
        var folder = RenderBook();

        foreach (var page in Names.Select(name => name + ".html").Append("index.html"))
        {
            var sidebar = Between(File.ReadAllText(Path.Combine(folder, page)), "<nav class=\"sidebar\"", "</nav>");
            Assert.Equal(Names.Select(name => name + ".html"), Regex.Matches(sidebar, "href=\"([^\"]+)\"").Select(m => m.Groups[1].Value));
            var current = Regex.Matches(sidebar, "<a class=\"current\" aria-current=\"page\" href=\"([^\"]+)\"").Select(m => m.Groups[1].Value);
            Assert.Equal(page == "index.html" ? [] : [page], current);
        }
        Assert.Contains("<span class=\"number\">Set-up</span> Title of 00-setup</a>", Page(folder, "00-setup"));
    }

    [Fact]
    public void A_title_with_markdown_and_TeX_is_drawn_in_the_sidebar_and_plain_in_the_tab_and_its_number_not_repeated()
    {
        var source = NewFolder();
        var notebook = NotebookReader.Read(Write(source, "04-ner", Markdown("# 04 · Many-to-many, $T_x = T_y$: *not* here")));
        var folder = Path.Combine(source, "book");

        BookRenderer.Render([notebook], folder);

        var page = Page(folder, "04-ner");
        var sidebar = Between(page, "<nav class=\"sidebar\"", "</nav>");
        Assert.DoesNotContain("class=\"number\"", sidebar);
        Assert.Contains("aria-current=\"page\" href=\"04-ner.html\">04 · Many-to-many, <span class=\"math\"><math>", sidebar);
        Assert.Contains("<em>not</em> here</a>", sidebar);
        Assert.Equal("04 · Many-to-many, T_x = T_y : not here", System.Net.WebUtility.HtmlDecode(Between(page, "<title>", "</title>")[7..]));
    }

    [Fact]
    public void Previous_and_next_follow_the_chapters_above_and_below_the_content()
    {
        var folder = RenderBook();

        var middle = Page(folder, "01-why");
        Assert.Equal(2, Regex.Count(middle, "<a rel=\"prev\" href=\"00-setup.html\">← Title of 00-setup</a>"));
        Assert.Equal(2, Regex.Count(middle, "<a rel=\"next\" href=\"02-forward.html\">Title of 02-forward →</a>"));
        Assert.DoesNotContain("rel=\"prev\"", Page(folder, "00-setup"));
        Assert.DoesNotContain("rel=\"next\"", Page(folder, "02-forward"));
        Assert.Contains("<a rel=\"next\" href=\"00-setup.html\">", File.ReadAllText(Path.Combine(folder, "index.html")));
    }

    [Fact]
    public void The_table_of_contents_links_each_h2_and_h3_to_an_anchored_heading_of_the_page()
    {
        var folder = RenderBook();

        var page = Page(folder, "01-why");
        var toc = Between(page, "<aside class=\"toc\"", "</aside>");
        var targets = Regex.Matches(toc, "<li class=\"level-(\\d)\"><a href=\"#([^\"]+)\">([^<]*)</a>").Select(m => (m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value)).ToList();
        Assert.Equal(["1. First part of 01-why", "A detail", "2. Second part"], targets.Select(t => t.Item3));
        Assert.Equal(["2", "3", "2"], targets.Select(t => t.Item1));
        foreach (var (level, id, _) in targets)
        {
            Assert.Equal(1, Regex.Count(page, $"id=\"{Regex.Escape(id)}\""));
            Assert.Matches($"<h{level} id=\"{Regex.Escape(id)}\">[^<]*<a class=\"anchor\" href=\"#{Regex.Escape(id)}\"[^>]*>#</a></h{level}>", page);
        }
        Assert.Matches("<h1 id=\"[^\"]+\">Title of 01-why<a class=\"anchor\"", page);
        Assert.DoesNotContain("Title of 01-why</a></li>", toc);
    }

    [Fact]
    public void A_heading_with_TeX_braces_keeps_its_formula_and_gets_an_anchor()
    {
        var html = MarkdownRenderer.ToHtml("## 6. Reading $\\hat{y}^{\\langle t \\rangle}$ after every word", (_, _) => { });

        var (anchored, _, sections) = new HeadingAnchors([]).Apply(html);

        var heading = Assert.Single(sections).Heading;
        Assert.Equal(2, heading.Level);
        Assert.Contains("<math>", heading.Html);
        Assert.EndsWith(" after every word", heading.Html);
        Assert.Equal("6. Reading \\hat{y}^{\\langle t \\rangle} after every word", heading.Text);
        Assert.Contains($"<h2 id=\"{heading.Id}\">6. Reading <span class=\"math\">", anchored);
    }

    [Fact]
    public void Headings_with_the_same_text_get_distinct_anchors()
    {
        var anchors = new HeadingAnchors(["n01-01"]);

        var (html, _, sections) = anchors.Apply("<h2>Step</h2><p>a</p><h2 id=\"n01-01\">x</h2><h3>Step</h3>");

        Assert.Equal(["step", "n01-01-2", "step-2"], sections.Select(section => section.Heading.Id));
        Assert.Contains("<h3 id=\"step-2\">Step<a class=\"anchor\" href=\"#step-2\"", html);
        Assert.Equal("<p>a</p>", sections[0].After);
    }

    [Fact]
    public void Every_page_links_its_notebook_for_download_and_on_Binder()
    {
        var folder = RenderBook(BookOptions.Default with { Repository = "someone/RnnNotebooks" });

        foreach (var name in Names)
        {
            var page = Page(folder, name);
            Assert.Contains($"<a class=\"download\" href=\"{name}.ipynb\" download>", page);
            Assert.Contains($"<a class=\"binder\" href=\"https://mybinder.org/v2/gh/someone/RnnNotebooks/HEAD?labpath=notebooks%2F{name}.ipynb\">", page);
            var copy = NotebookReader.Read(Path.Combine(folder, name + ".ipynb"));
            Assert.Equal($"Title of {name}", copy.Title);
        }
    }

    [Fact]
    public void A_notebook_with_no_file_is_written_beside_its_page()
    {
        var notebook = new Notebook("nowhere/05-x.ipynb", [new NotebookCell("m1", CellKind.Markdown, "# Five", [])], []);
        var folder = Path.Combine(NewFolder(), "book");

        BookRenderer.Render([notebook], folder);

        Assert.Equal("Five", NotebookReader.Read(Path.Combine(folder, "05-x.ipynb")).Title);
        Assert.Contains("<a class=\"download\" href=\"05-x.ipynb\" download>", File.ReadAllText(Path.Combine(folder, "05-x.html")));
    }

    [Fact]
    public void A_book_that_does_not_know_its_repository_has_no_Binder_links()
    {
        var folder = RenderBook(BookOptions.Default);

        foreach (var name in Names)
        {
            var page = Page(folder, name);
            Assert.Contains($"<a class=\"download\" href=\"{name}.ipynb\" download>", page);
            Assert.DoesNotContain("mybinder.org", page);
        }
        Assert.Null(BookOptions.Default.Repository);
    }

    [Theory]
    [InlineData("owner/RnnNotebooks", true)]
    [InlineData("my-org/rnn.notebooks_2", true)]
    [InlineData("owner", false)]
    [InlineData("https://github.com/owner/RnnNotebooks", false)]
    [InlineData("owner/name/extra", false)]
    public void A_repository_is_owner_slash_name(string repository, bool valid) =>
        Assert.Equal(valid, BookOptions.IsRepository(repository));

    [Fact]
    public void The_search_index_has_every_section_of_every_chapter_with_its_anchor_and_text()
    {
        var folder = RenderBook();

        var script = File.ReadAllText(Path.Combine(folder, "search-index.js"));
        const string prefix = "window.rnnbookSearchIndex = ";
        Assert.StartsWith(prefix, script);
        Assert.EndsWith(";\n", script);
        using var index = JsonDocument.Parse(script[prefix.Length..^2]);
        var sections = index.RootElement.EnumerateArray().Select(s => (Chapter: s.GetProperty("chapter").GetString()!, Page: s.GetProperty("page").GetString()!,
            Heading: s.GetProperty("heading").GetString()!, Anchor: s.GetProperty("anchor").GetString()!, Text: s.GetProperty("text").GetString()!)).ToList();
        foreach (var name in Names)
        {
            var chapter = sections.Where(s => s.Page == name + ".html").ToList();
            Assert.Equal([$"Title of {name}", $"1. First part of {name}", "A detail", "2. Second part"], chapter.Select(s => s.Heading));
            Assert.All(chapter, s => Assert.Equal($"Title of {name}", s.Chapter));
            var page = Page(folder, name);
            Assert.All(chapter, s => Assert.Contains($" id=\"{s.Anchor}\"", page));
            Assert.Equal($"Introduction of {name}.", chapter[0].Text);
            Assert.Equal($"Prose of {name}, with x^{{2}} .", chapter[1].Text);
            Assert.Equal($"The detail of {name}. var answer{name[..2]} = 42;", chapter[2].Text);
            Assert.Equal($"Closing words of {name}.", chapter[3].Text);
        }
        Assert.Contains($"<script src=\"search-index.js\"></script>", Page(folder, "00-setup"));
    }
}
