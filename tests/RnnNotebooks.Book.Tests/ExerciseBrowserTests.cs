using PuppeteerSharp;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Book.Tests;

/// <summary>
/// Opens a rendered page with an exercise in headless Chromium: its hint and solution are collapsed, and clicking the
/// solution's summary shows the highlighted code.
/// </summary>
public sealed class ExerciseBrowserTests
{
    [BrowserFact]
    public async Task The_solution_is_hidden_until_its_summary_is_clicked()
    {
        var (browser, tab) = await OneChapterBook.OpenAsync("02-exercise",
            Cell("markdown", "# Exercise\n\nWrite one step."),
            WithMetadata(Code("Matrix CellStep(Matrix Waa)\n{\n    throw new NotImplementedException();\n}"), "exercise", "cell-step"),
            WithMetadata(Markdown("<details><summary>Hint</summary>\n\nThe slope is $1 - a^{2}$.\n\n</details>\n\n"
                + "<details><summary>Solution</summary>\n\n```csharp\nvar solutionLine = Waa.Clone();\n```\n\n</details>"), "solution", "cell-step"));
        await using var opened = browser;

        const string code = "details .source", solution = "solutionLine", hint = "details .math";
        Assert.Equal(1, await tab.CountAsync(code, solution));
        Assert.False(await tab.IsSeenAsync(code, solution), "the solution shows before its summary is clicked");
        Assert.False(await tab.IsSeenAsync(hint), "the hint shows before its summary is clicked");
        await tab.ClickAsync("summary", "Solution");
        Assert.True(await tab.IsSeenAsync(code, solution), "the solution stays hidden after its summary is clicked");
        Assert.Equal(1, await tab.CountAsync(".keyword", "var", root: await tab.SingleAsync(code, solution)));
        Assert.False(await tab.IsSeenAsync(hint), "opening the solution opened the hint too");
    }
}
