using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Opens a rendered page with an <c>aligned</c> environment in headless Chromium: as in TeX, the left sides of unequal
/// widths end flush against their relation, so the = signs line up (Chromium ignores <c>columnalign</c> and, for a
/// cell's formula, plain <c>text-align: right</c>: notebook 08's GRU and LSTM equations were left-aligned before).
/// </summary>
public sealed class AlignedMathBrowserTests
{
    [BrowserFact]
    public async Task The_left_sides_of_an_aligned_environment_end_where_their_relations_start()
    {
        var (browser, tab) = await OneChapterBook.OpenAsync("08-aligned",
            Cell("markdown", "$$\n\\begin{aligned} a^{[1]\\langle t \\rangle} &= \\tanh(z) \\\\ \\hat{y} &= \\operatorname{softmax}(z) \\\\ dW_{aa}^{[1]} + x &= 0 \\end{aligned}\n$$"));
        await using var opened = browser;

        // per row: [left edge of the left side, right edge of the left side, left edge of the right-hand cell's content]
        var rows = await tab.EvaluateFunctionAsync<double[][]>(
            "() => [...document.querySelectorAll('.math.display mtr')].map(tr => {" +
            " const boxes = cell => [...cell.children].map(c => c.getBoundingClientRect()).filter(b => b.width > 0);" +
            " const lhs = boxes(tr.children[0]), rhs = boxes(tr.children[1]);" +
            " return [Math.min(...lhs.map(b => b.left)), Math.max(...lhs.map(b => b.right)), Math.min(...rhs.map(b => b.left))]; })");

        Assert.Equal(3, rows.Length);
        Assert.True(rows.Max(r => r[1] - r[0]) - rows.Min(r => r[1] - r[0]) > 10, "the left sides should differ in width, or this test proves nothing");
        Assert.All(rows, row => Assert.True(Math.Abs(row[1] - rows[0][1]) <= 1,
            $"left sides end at {string.Join(", ", rows.Select(r => $"{r[1]:F1}px"))}: not flush right, as TeX's aligned sets them"));
        Assert.All(rows, row => Assert.True(Math.Abs(row[2] - rows[0][2]) <= 1,
            $"right-hand cells start at {string.Join(", ", rows.Select(r => $"{r[2]:F1}px"))}: the relations do not line up"));
    }
}
