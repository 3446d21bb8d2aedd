using System.Text.RegularExpressions;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>
/// The notebooks in notebooks/ are stored executed (<c>rnnbook run notebooks --store --in-place</c>), so that GitHub,
/// nbviewer and an untrusted Jupyter show their results: every code cell run once, in order, from the source it has now;
/// every chart with its picture; nothing in them that a re-run would change (times, paths on the machine that ran them).
/// </summary>
public sealed partial class StoredNotebookTests
{
    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void The_stored_notebook_was_run_from_its_present_code_and_every_chart_has_its_picture(string notebook)
    {
        var stored = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook));

        var problems = StoredNotebook.Problems(stored);

        Assert.True(problems.Count == 0,
            $"{notebook} is not stored as it runs now; refresh it with\n  {StoredNotebook.RefreshCommand}\n{string.Join("\n", problems)}");
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void The_stored_notebook_holds_no_time_and_no_path_of_the_machine_that_ran_it(string notebook)
    {
        var stored = NotebookReader.Read(Path.Combine(Repository.Layout.NotebooksFolder, notebook));
        var texts = stored.CodeCells.SelectMany(cell => cell.Outputs).Select(Text).ToList();

        Assert.DoesNotContain(texts, text => text.Contains(Repository.Layout.Root, StringComparison.Ordinal));
        var timed = texts.Select(text => Time().Match(text)).FirstOrDefault(match => match.Success);
        Assert.True(timed is null, $"{notebook} stores a time, '{timed?.Value}': print it with Timing.Elapsed, Timing.Measured or ReportSeconds");
        Assert.DoesNotContain(texts, text => text.StartsWith("seconds to run =", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Repository.Notebooks), MemberType = typeof(Repository))]
    public void A_notebook_with_real_data_figures_is_stored_with_its_real_data_and_no_path_to_it(string notebook)
    {
        var path = Path.Combine(Repository.Layout.NotebooksFolder, notebook);
        var stored = NotebookReader.Read(path);
        var texts = stored.CodeCells.SelectMany(cell => cell.Outputs).Select(Text).ToList();

        if (Engine.FigureExpectations.Read(stored).PromisesRealData)
        {
            Assert.True(texts.Any(text => text.Contains("real data = 1", StringComparison.Ordinal)),
                $"{notebook} promises real-data figures but was stored without its real dataset; store it where the data is found:\n  {StoredNotebook.RefreshCommand}");
        }
        foreach (var folder in new[] { Environment.GetEnvironmentVariable("RNNNOTEBOOKS_DATA"), RnnNotebooks.Data.DataFolder.DefaultCacheFolder() })
        {
            Assert.False(folder is { Length: > 1 } && texts.Any(text => text.Contains(folder, StringComparison.Ordinal)), $"{notebook} stores the path of a data folder, {folder}");
        }
    }

    private static string Text(CellOutput output) => output switch
    {
        StreamOutput stream => stream.Text,
        DataOutput data => data.Data.TryGetValue(MimeTypes.PlainText, out var text) ? text : "",
        ErrorOutput error => error.Value,
        _ => "",
    };

    /// <summary>A time as the notebooks print one: "(0.3 s)", "in 296 ms", "15 ms per".</summary>
    [GeneratedRegex(@"\(\d+(\.\d+)? s\)|\b\d+ ms\b")]
    private static partial Regex Time();
}
