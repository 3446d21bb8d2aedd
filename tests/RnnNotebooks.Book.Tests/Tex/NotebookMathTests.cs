using System.Text.RegularExpressions;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Every formula in every notebook in notebooks/ converts to MathML: a notebook whose TeX the book cannot draw
/// fails here, and so in CI. One case per notebook, found at run time.
/// </summary>
public sealed partial class NotebookMathTests
{
    /// <summary>The notebooks' file names.</summary>
    public static TheoryData<string> Notebooks() => Repository.Notebooks();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Every_formula_converts_to_MathML(string notebook)
    {
        var cells = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook)).Cells;
        var errors = new List<string>();
        for (int i = 0; i < cells.Count; i++)
        {
            if (cells[i].Kind != CellKind.Markdown)
            {
                continue;
            }
            int number = i + 1;
            var html = MarkdownRenderer.ToHtml(cells[i].Source, (tex, error) => errors.Add($"cell {number}: {error} in ${tex}$"));
            var written = MathElement().Count(html);
            var found = DollarFormulas(cells[i].Source);
            Assert.True(written == found, $"cell {number}: {found} $-formulas in the markdown, {written} <math> in the page: some TeX is left as text");
        }
        Assert.True(errors.Count == 0, $"{notebook}:\n{string.Join("\n", errors)}");
    }

    [Fact]
    public void The_count_of_dollar_formulas_skips_code_and_escaped_dollars()
    {
        Assert.Equal(3, DollarFormulas("a $x$ b $$y$$ `$not$` \\$5\n```\n$no$\n```\n$$\nz\n$$"));
    }

    /// <summary>How many <c>$...$</c> and <c>$$...$$</c> pairs the markdown has outside code (read with a regular expression, not with Markdig).</summary>
    private static int DollarFormulas(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        return Formula().Count(prose);
    }

    [GeneratedRegex("<math[ >]")]
    private static partial Regex MathElement();

    [GeneratedRegex("^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex FencedCode();

    [GeneratedRegex("`[^`]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"(?<!\\)\$\$.+?(?<!\\)\$\$|(?<!\\)\$.+?(?<!\\)\$", RegexOptions.Singleline)]
    private static partial Regex Formula();
}
