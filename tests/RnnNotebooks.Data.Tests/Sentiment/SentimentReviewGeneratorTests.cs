using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Sentiment;

public sealed class SentimentReviewGeneratorTests
{
    [Fact]
    public void The_generator_reproduces_the_committed_files_byte_for_byte()
    {
        // To write the files again after changing the generator:
        // RNNNOTEBOOKS_WRITE_GENERATED=1 dotnet test tests/RnnNotebooks.Data.Tests --filter SentimentReviewGenerator
        var splits = SentimentReviewGenerator.Generate();
        string folder = BundledSentiment.FindFolder();
        if (Environment.GetEnvironmentVariable("RNNNOTEBOOKS_WRITE_GENERATED") == "1")
        {
            BundledSentiment.Write(folder, splits);
        }

        Assert.Equal(SentimentTsv.Format(splits.Train), File.ReadAllText(Path.Combine(folder, "train.tsv")));
        Assert.Equal(SentimentTsv.Format(splits.Dev), File.ReadAllText(Path.Combine(folder, "dev.tsv")));
        Assert.Equal(SentimentTsv.Format(splits.Test), File.ReadAllText(Path.Combine(folder, "test.tsv")));
    }

    [Fact]
    public void The_same_seed_gives_the_same_reviews_and_another_seed_others()
    {
        var sizes = (40, 10, 10);
        Assert.Equal(SentimentReviewGenerator.Generate(1, sizes).Test, SentimentReviewGenerator.Generate(1, sizes).Test);
        Assert.NotEqual(SentimentReviewGenerator.Generate(1, sizes).Test, SentimentReviewGenerator.Generate(2, sizes).Test);
    }

    [Fact]
    public void The_bundled_splits_have_the_readme_sizes_are_balanced_and_share_no_sentence()
    {
        var splits = BundledSentiment.Load();
        var all = splits.Train.Concat(splits.Dev).Concat(splits.Test).ToList();

        Assert.Equal((1600, 200, 400), (splits.Train.Count, splits.Dev.Count, splits.Test.Count));
        Assert.Equal((800, 100, 200), (splits.Train.Count(e => e.Label == 1), splits.Dev.Count(e => e.Label == 1), splits.Test.Count(e => e.Label == 1)));
        Assert.Equal(all.Count, all.Select(e => e.Text.ToLowerInvariant()).Distinct().Count());
        Assert.Equal(
            [("contrast", 120), ("hedged", 40), ("intensified", 40), ("negated", 120), ("plain", 80)],
            splits.Test.GroupBy(e => e.Kind!).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
    }

    [Fact]
    public void Test_sentences_name_only_test_aspects_and_no_training_sentence_names_one()
    {
        var splits = BundledSentiment.Load();
        var testOnly = SentimentDomain.All.SelectMany(d => d.TestAspects).ToList();
        var trainOnly = SentimentDomain.All.SelectMany(d => d.TrainAspects).ToList();
        bool Names(string text, string noun) => $" {text.ToLowerInvariant().TrimEnd('.', '!')} ".Replace(",", " ").Contains($" {noun} ");

        Assert.DoesNotContain(splits.Train.Concat(splits.Dev), e => testOnly.Any(n => Names(e.Text, n)));
        Assert.DoesNotContain(splits.Test, e => trainOnly.Except(testOnly).Any(n => Names(e.Text, n)));
    }

    [Fact]
    public void Negations_and_contrast_words_say_nothing_about_the_label_by_themselves()
    {
        // What keeps a bag of words from reading these kinds: "not", "never" and "but" are as common in positive as in
        // negative sentences.
        var train = BundledSentiment.Load().Train;
        double Share(IEnumerable<SentimentExample> examples, Func<string[], bool> has) =>
            examples.Where(e => has(Words(e.Text))).Average(e => (double)e.Label);

        Assert.InRange(Share(train, w => w.Contains("not")), 0.4, 0.6);
        Assert.InRange(Share(train, w => w.Contains("never")), 0.4, 0.6);
        Assert.InRange(Share(train, w => w.Contains("but")), 0.4, 0.6);
    }

    private static string[] Words(string text) =>
        text.ToLowerInvariant().Replace("n't", " not").Split([' ', ',', '.', '!', ';'], StringSplitOptions.RemoveEmptyEntries);
}
