using Microsoft.Playwright;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
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
        var source = NewFolder();
        var notebook = NotebookReader.Read(Write(source, "02-exercise", new System.Text.Json.Nodes.JsonObject(),
            Cell("markdown", "# Exercise\n\nWrite one step."),
            WithMetadata(Code("Matrix CellStep(Matrix Waa)\n{\n    throw new NotImplementedException();\n}"), "exercise", "cell-step"),
            WithMetadata(Markdown("<details><summary>Hint</summary>\n\nThe slope is $1 - a^{2}$.\n\n</details>\n\n"
                + "<details><summary>Solution</summary>\n\n```csharp\nvar solutionLine = Waa.Clone();\n```\n\n</details>"), "solution", "cell-step")));
        var folder = Path.Combine(source, "book");
        BookRenderer.Render([notebook], folder);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Browser.LaunchAsync(playwright);
        var tab = await browser.NewPageAsync();

        await tab.GotoAsync(new Uri(Path.Combine(folder, "02-exercise.html")).AbsoluteUri);

        var code = tab.Locator("details .source", new() { HasText = "solutionLine" });
        var hint = tab.Locator("details .math");
        Assert.Equal(1, await code.CountAsync());
        Assert.False(await code.IsVisibleAsync(), "the solution shows before its summary is clicked");
        Assert.False(await hint.IsVisibleAsync(), "the hint shows before its summary is clicked");
        await tab.Locator("summary", new() { HasText = "Solution" }).ClickAsync();
        Assert.True(await code.IsVisibleAsync(), "the solution stays hidden after its summary is clicked");
        Assert.Equal(1, await code.Locator(".keyword", new() { HasText = "var" }).CountAsync());
        Assert.False(await hint.IsVisibleAsync(), "opening the solution opened the hint too");
    }
}
