using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// <see cref="Seeds.Offset"/>, what <c>rnnbook sweep</c> shifts: at 0 every training gives the bits README.md states; at 1
/// every model starts and ends elsewhere while the data (generated sets and their splits) stays as it was. The offset is
/// process-wide, so these run in the collection that runs alone.
/// </summary>
[Collection(NotebookCollection.Name)]
public sealed class SeedOffsetTests
{
    [Fact]
    public void Offset_0_is_the_default_and_trains_to_the_bits_README_states()
    {
        Assert.Equal(0, Seeds.Offset);
        Assert.Equal(new Random(7).Next(), Seeds.Random(7).Next());

        var table = SeededRunTable.Format(1, SeededRuns.Run(seed: 1, Repository.Layout.Root));

        var stated = ReproTables.FromReadme(File.ReadAllText(Path.Combine(Repository.Layout.Root, "README.md")));
        Assert.True(stated == table, $"with Seeds.Offset 0 the seeded trainings differ from README.md's '{ReproTables.Section}': "
            + string.Join("; ", ReproTables.Differences(stated, table)));
    }

    [Fact]
    public void Offset_1_changes_every_trained_model_but_no_dataset_or_split()
    {
        var (runs, dates, reviews, story) = WithOffset(0, () => (SeededRuns.Run(1, Repository.Layout.Root), DateCorpus.Generate(200, 50, seed: 1),
            SentimentReviewGenerator.Generate(seed: 1, sizes: (200, 50, 50)), StoryText.Generate(40, seed: 1)));
        var (shifted, shiftedDates, shiftedReviews, shiftedStory) = WithOffset(1, () => (SeededRuns.Run(1, Repository.Layout.Root), DateCorpus.Generate(200, 50, seed: 1),
            SentimentReviewGenerator.Generate(seed: 1, sizes: (200, 50, 50)), StoryText.Generate(40, seed: 1)));

        Assert.Equal(0, Seeds.Offset);
        Assert.Equal(runs.Select(run => run.Name), shifted.Select(run => run.Name));
        var same = runs.Zip(shifted).Where(pair => pair.First.Trained == pair.Second.Trained || pair.First.Initial == pair.Second.Initial).Select(pair => pair.First.Name).ToList();
        Assert.True(same.Count == 0, $"offset 1 left these models' initial or trained parameters as offset 0 had them: {string.Join(", ", same)}");
        Assert.Equal(dates.Train, shiftedDates.Train);
        Assert.Equal(dates.Test, shiftedDates.Test);
        Assert.Equal(dates.UnseenYears, shiftedDates.UnseenYears);
        Assert.Equal(reviews.Train, shiftedReviews.Train);
        Assert.Equal(reviews.Dev, shiftedReviews.Dev);
        Assert.Equal(reviews.Test, shiftedReviews.Test);
        Assert.Equal(story, shiftedStory);
    }

    private static T WithOffset<T>(int offset, Func<T> run)
    {
        Seeds.Offset = offset;
        try
        {
            return run();
        }
        finally
        {
            Seeds.Offset = 0;
        }
    }
}
