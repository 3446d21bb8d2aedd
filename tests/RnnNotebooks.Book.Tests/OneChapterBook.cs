using System.Text.Json.Nodes;
using PuppeteerSharp;
using RnnNotebooks.Book;
using RnnNotebooks.Engine.Documents;
using static RnnNotebooks.TestSupport.TestNotebook;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Book.Tests;

/// <summary>A notebook of the cells given, written to a fresh folder and rendered as a book of that one chapter.</summary>
internal static class OneChapterBook
{
    /// <summary>The file:// address of the page of notebook <paramref name="name"/> (no extension) holding <paramref name="cells"/>.</summary>
    public static string Render(string name, params JsonObject[] cells)
    {
        var source = NewFolder();
        var notebook = NotebookReader.Read(Write(source, name, new JsonObject(), cells));
        var folder = Path.Combine(source, "book");
        BookRenderer.Render([notebook], folder);
        return new Uri(Path.Combine(folder, name + ".html")).AbsoluteUri;
    }

    /// <summary>Renders the page as <see cref="Render"/> does and opens it in a new headless browser (the caller disposes it).</summary>
    public static async Task<(IBrowser Browser, IPage Tab)> OpenAsync(string name, params JsonObject[] cells)
    {
        var page = Render(name, cells);
        var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await tab.GoToAsync(page);
        return (browser, tab);
    }
}
