using System.Text.RegularExpressions;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Book.Tests;

/// <summary>The HTML book: contents, pages, links and local assets (the browser test checks that it draws).</summary>
public sealed class BookTests
{
    private static (string Folder, string Index) RenderBook(params string[] names)
    {
        var source = NewFolder();
        var notebooks = names.Select(name => NotebookReader.Read(Write(source, name,
            Markdown($"# Title of {name}\n\nProse with $x^{{2}}$ and\n\n$$a = b$$"),
            Code("var answer = 42;")))).ToList();
        var folder = Path.Combine(source, "book");
        return (folder, BookRenderer.Render(notebooks, folder).Index);
    }

    [Fact]
    public void The_index_numbers_the_notebooks_as_the_note_with_00_as_set_up()
    {
        var (_, index) = RenderBook("00-setup-check", "01-why", "02-forward");

        var html = File.ReadAllText(index);
        Assert.Matches("<span class=\"number\">Set-up</span><a href=\"00-setup-check.html\">Title of 00-setup-check</a>", html);
        Assert.Matches("<span class=\"number\">01</span><a href=\"01-why.html\">Title of 01-why</a>", html);
        Assert.Matches("<span class=\"number\">02</span><a href=\"02-forward.html\">", html);
    }

    [Fact]
    public void Pages_link_to_previous_and_next()
    {
        var (folder, _) = RenderBook("00-a", "01-b", "02-c");

        var middle = File.ReadAllText(Path.Combine(folder, "01-b.html"));
        Assert.Contains("<a rel=\"prev\" href=\"00-a.html\">", middle);
        Assert.Contains("<a rel=\"next\" href=\"02-c.html\">", middle);
        Assert.DoesNotContain("rel=\"prev\"", File.ReadAllText(Path.Combine(folder, "00-a.html")));
        Assert.DoesNotContain("rel=\"next\"", File.ReadAllText(Path.Combine(folder, "02-c.html")));
    }

    [Fact]
    public void Pages_render_markdown_math_and_highlighted_code_and_load_only_local_files()
    {
        var (folder, _) = RenderBook("00-a");

        var page = File.ReadAllText(Path.Combine(folder, "00-a.html"));
        Assert.Contains("<span class=\"math\"><math><semantics><msup><mi>x</mi><mn>2</mn></msup>"
            + "<annotation encoding=\"application/x-tex\">x^{2}</annotation></semantics></math></span>", page);
        Assert.Contains("<span class=\"math display\"><math display=\"block\"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>"
            + "<annotation encoding=\"application/x-tex\">a = b</annotation></semantics></math></span>", page);
        Assert.Contains("<span class=\"keyword\">var</span>", page);
        var highlight = File.ReadAllText(Path.Combine(folder, "assets", "highlight.css"));
        Assert.Contains(".source .keyword {", highlight);
        Assert.DoesNotContain("body", highlight);
        Assert.DoesNotContain("class=\"binder\"", page); // no repository given, so not even a Binder link leaves the machine
        var references = Regex.Matches(page, "(?:src|href)=\"([^\"]+)\"")
            .Select(m => m.Groups[1].Value).Where(reference => reference.Length > 0).ToList();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.DoesNotMatch("^(https?:)?//", reference));
        Assert.All(references.Where(r => r.StartsWith("assets/", StringComparison.Ordinal)),
            asset => Assert.True(File.Exists(Path.Combine(folder, asset)), $"{asset} is linked but missing"));
    }

    [Fact]
    public void Outputs_show_text_html_images_audio_and_errors()
    {
        var notebook = new Notebook("nb.ipynb",
        [
            new NotebookCell("c1", CellKind.Code, "x", []) with
            {
                ExecutionCount = 1,
                Outputs =
                [
                    new StreamOutput("stdout", "a < b\n"),
                    new DataOutput(new Dictionary<string, string> { ["text/html"] = "<table><tr><td>1</td></tr></table>", ["text/plain"] = "ignored" }),
                    new DataOutput(new Dictionary<string, string> { ["image/png"] = "iVBORw0KGgo=\n" }),
                    new DataOutput(new Dictionary<string, string> { ["audio/wav"] = "UklGRg==" }),
                    new ErrorOutput("Boom", "it failed", []),
                ],
            },
        ], []);
        var folder = Path.Combine(NewFolder(), "book");

        BookRenderer.Render([notebook], folder);

        var page = File.ReadAllText(Path.Combine(folder, "nb.html"));
        Assert.Contains("<pre class=\"stdout\">a &lt; b</pre>", page);
        Assert.Contains("<div class=\"output-html\"><table><tr><td>1</td></tr></table></div>", page);
        Assert.DoesNotContain("ignored", page);
        Assert.Contains("<img alt=\"output image\" src=\"data:image/png;base64,iVBORw0KGgo=\">", page);
        Assert.Contains("<audio controls src=\"data:audio/wav;base64,UklGRg==\"></audio>", page);
        Assert.Contains("<pre class=\"error\">Boom: it failed</pre>", page);
    }

    [Fact]
    public void Plotly_js_is_written_once_next_to_the_book()
    {
        var (folder, _) = RenderBook("00-a", "01-b");

        var plotly = new FileInfo(Path.Combine(folder, "assets", "plotly.min.js"));
        Assert.True(plotly.Length > 1_000_000, $"plotly.min.js is {plotly.Length} bytes");
        Assert.Single(Directory.GetFiles(folder, "plotly*.js", SearchOption.AllDirectories));
    }

    [Fact]
    public void Equations_need_no_asset_and_no_script()
    {
        var (folder, _) = RenderBook("00-a");

        Assert.Equal(["book.css", "book.js", "highlight.css", "plotly.min.js"],
            Directory.GetFiles(Path.Combine(folder, "assets")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("katex", File.ReadAllText(Path.Combine(folder, "00-a.html")), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("math", File.ReadAllText(Path.Combine(folder, "assets", "book.js")).Replace("MathML", "", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exercise_solution_stays_collapsed_with_its_code_highlighted_and_its_math_drawn()
    {
        var errors = new List<string>();
        var markdown = "<details><summary>Hint</summary>\n\nThe slope is $1 - a^{2}$.\n\n</details>\n\n"
            + "<details><summary>Solution</summary>\n\n```csharp\nvar dz = new Matrix(2, 1);\n```\n\n</details>";

        var html = MarkdownRenderer.ToHtml(markdown, (tex, error) => errors.Add($"{tex}: {error}"));
        Assert.StartsWith("<details><summary>Hint</summary>\n<p>The slope is <span class=\"math\"><math><semantics><mrow><mn>1</mn><mo>−</mo><msup>", html);
        Assert.EndsWith("</span>.</p>\n</details>\n<details><summary>Solution</summary>\n<div class=\"source\"><div class=\"csharp\"><pre>\n"
            + "<span class=\"keyword\">var</span> dz = <span class=\"keyword\">new</span> Matrix(<span class=\"number\">2</span>, <span class=\"number\">1</span>);\n"
            + "</pre></div></div>\n</details>\n", html);
        Assert.DoesNotContain("<details open", html);
        Assert.Empty(errors);
    }

    [Fact]
    public void Code_blocks_of_other_languages_stay_as_Markdig_writes_them()
    {
        Assert.Equal("<pre><code class=\"language-text\">a &lt; b\n</code></pre>\n", MarkdownRenderer.ToHtml("```text\na < b\n```", (_, _) => { }));
    }

    [Theory]
    [InlineData("$$\na^{2}\n$$", "<div class=\"math display\"><math display=\"block\"><semantics><msup><mi>a</mi><mn>2</mn></msup>")]
    [InlineData("text $$a^{2}$$ text", "<span class=\"math display\"><math display=\"block\"><semantics><msup><mi>a</mi><mn>2</mn></msup>")]
    [InlineData("text \\(a^{2}\\) text", "text <span class=\"math\"><math><semantics><msup><mi>a</mi><mn>2</mn></msup>")]
    [InlineData("text \\[a^{2}\\] text", "text <span class=\"math display\"><math display=\"block\"><semantics><msup><mi>a</mi><mn>2</mn></msup>")]
    [InlineData("two lines \\[a\n= b\\] here", "<span class=\"math display\"><math display=\"block\"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>")]
    [InlineData("a lone \\( stays a parenthesis", "<p>a lone ( stays a parenthesis</p>")]
    [InlineData("code `$x$` stays code", "<code>$x$</code>")]
    public void Every_math_delimiter_Jupyter_accepts_becomes_MathML(string markdown, string html)
    {
        var errors = new List<string>();

        Assert.Contains(html, MarkdownRenderer.ToHtml(markdown, (tex, error) => errors.Add($"{tex}: {error}")));
        Assert.Empty(errors);
    }

    [Fact]
    public void A_formula_the_book_cannot_draw_shows_as_an_error_and_is_reported_with_notebook_and_cell()
    {
        var notebook = new Notebook("notebooks/07-bad.ipynb",
        [
            new NotebookCell("m1", CellKind.Markdown, "# Bad", []),
            new NotebookCell("m2", CellKind.Markdown, "Fine $x$, then $a + \\foo{x}$ and $$\\frac{a}{b$$", []),
            new NotebookCell("c3", CellKind.Code, "x", []) with
            {
                Outputs = [new DataOutput(new Dictionary<string, string> { ["text/markdown"] = "out: $\\bar x \\right)$" })],
            },
        ], []);
        var folder = Path.Combine(NewFolder(), "book");

        var book = BookRenderer.Render([notebook], folder);

        Assert.Equal(
        [
            "notebooks/07-bad.ipynb: cell 2: unknown command \\foo (at character 5) in $a + \\foo{x}$",
            "notebooks/07-bad.ipynb: cell 2: unbalanced braces: this { is never closed (at character 9) in $\\frac{a}{b$",
            "notebooks/07-bad.ipynb: cell 3: \\right without a matching \\left (at character 8) in $\\bar x \\right)$",
        ], book.MathErrors.Select(error => error.ToString()));
        Assert.Equal(["\\foo", "{", "\\right"], book.MathErrors.Select(error => error.Error.Command));
        var page = File.ReadAllText(Path.Combine(folder, "07-bad.html"));
        Assert.Equal(3, Regex.Count(page, "class=\"math-error"));
        Assert.Contains("<code>$a + \\foo{x}$</code> <span class=\"reason\">TeX error: unknown command \\foo (at character 5)</span>", page);
        Assert.Contains("<span class=\"math\"><math><semantics><mi>x</mi>", page);
    }
}
