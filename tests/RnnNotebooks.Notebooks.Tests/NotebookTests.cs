using RnnNotebooks.Notebooks.Engine;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>Every notebook in notebooks/ runs top to bottom through the engine: one case per notebook, found at run time.</summary>
[Collection(NotebookCollection.Name)]
public sealed class NotebookTests
{
    /// <summary>The notebooks' file names; a new notebook becomes a new case with no edit here.</summary>
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in RepositoryLayout.NotebooksIn(Repository.Layout.NotebooksFolder))
        {
            data.Add(Path.GetFileName(path));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_top_to_bottom(string notebook)
    {
        var run = await new NotebookRunner(new RunOptions()).RunAsync(Path.Combine(Repository.Layout.NotebooksFolder, notebook));

        if (run.Failure is { } failure)
        {
            Assert.Fail(failure.ToString());
        }
        Assert.True(run.CellsRun > 0, $"{notebook} has no code cell.");
    }
}
