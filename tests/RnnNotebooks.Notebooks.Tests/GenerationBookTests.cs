namespace RnnNotebooks.Notebooks.Tests;

/// <summary>The book's page of notebook 07 plays the generated melody: its audio elements load offline and have a duration.</summary>
[Collection(NotebookCollection.Name)]
public sealed class GenerationBookTests(CourseRun course)
{
    private const string Page = "07-one-to-many-generation.html";

    [BrowserFact]
    public async Task The_book_page_of_notebook_07_has_audio_that_loads_with_a_duration()
    {
        var page = Path.Combine(course.Output, "book", Page);
        Assert.True(File.Exists(page), $"the course run rendered no {Page}:\n{course.Errors}");

        var players = await AudioPlayback.LoadAsync(page);

        Assert.True(players.Count >= 2, $"{Page} has {players.Count} audio elements; the notebook shows a generated melody and a real tune");
        Assert.All(players, player =>
        {
            Assert.Equal("data", player.Scheme); // embedded: it plays offline
            Assert.InRange(player.Duration, 1, 10);
        });
    }
}
