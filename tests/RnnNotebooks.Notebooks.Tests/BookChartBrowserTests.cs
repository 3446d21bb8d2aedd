using PuppeteerSharp;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;
using Browser = RnnNotebooks.TestSupport.Browser;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// The same charts in their two homes: drawn, interactive, on the course book's page of notebook 02 (offline, from
/// file://), and as pictures in the stored notebooks/02-forward-propagation.ipynb.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class BookChartBrowserTests(CourseRun course)
{
    private const string Notebook = "02-forward-propagation";

    [BrowserFact]
    public async Task Every_chart_of_notebook_02_draws_in_the_book_and_has_its_picture_in_the_stored_notebook()
    {
        var stored = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, Notebook + ".ipynb"));
        var charts = stored.CodeCells.SelectMany(cell => cell.Outputs).OfType<DataOutput>().Where(data => ChartOutput.IsChart(data.Data)).ToList();
        Assert.True(charts.Count >= 4, $"the stored {Notebook} has {charts.Count} charts; its text shows four");
        Assert.All(charts, chart => Assert.StartsWith("iVBORw0KGgo", chart.Data[ChartOutput.ImageMimeType])); // a PNG's signature in base64

        var page = Path.Combine(course.Output, "book", Notebook + ".html");
        Assert.True(File.Exists(page), $"the course run rendered no {Notebook}.html:\n{course.Errors}");
        await using var browser = await Browser.LaunchAsync();
        var tab = await browser.NewPageAsync();
        await Browser.KeepOnTheMachineAsync(tab);
        await tab.GoToAsync(new Uri(page).AbsoluteUri);

        await tab.WaitForFunctionAsync("n => document.querySelectorAll('.js-plotly-plot .main-svg').length >= n", new WaitForFunctionOptions { Timeout = 30_000 }, charts.Count);
        Assert.Equal(charts.Count, await tab.CountAsync(".js-plotly-plot"));
    }
}
