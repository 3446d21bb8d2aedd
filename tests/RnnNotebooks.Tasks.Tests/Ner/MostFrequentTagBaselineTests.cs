using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class MostFrequentTagBaselineTests
{
    private static NerSentence S(string text, string tags) => new(text.Split(' '), tags.Split(' '));

    [Fact]
    public void Known_words_get_their_most_frequent_tag_and_capitalised_unseen_words_the_most_frequent_type()
    {
        var train = new[]
        {
            S("Jordan visited Paris .", "B-PER O B-LOC O"),
            S("Jordan met Anna in Rome .", "B-LOC O B-PER O B-LOC O"),
            S("Jordan left Oslo .", "B-PER O B-LOC O"),
            S("May was warm in Berlin .", "O O O O B-LOC O"),
        };
        var baseline = MostFrequentTagBaseline.Train(train);

        Assert.Equal("LOC", baseline.UnknownType);                       // 5 LOC, 3 PER
        // Jordan: B-PER twice, B-LOC once. "New York" unseen and capitalised: B-LOC then I-LOC. "tomorrow" unseen, lower: O.
        Assert.Equal(["B-PER", "O", "B-LOC", "I-LOC", "O", "O"], baseline.Predict(["Jordan", "visited", "New", "York", "tomorrow", "."]));
        Assert.Equal(["O", "O", "B-LOC"], baseline.Predict(["May", "visited", "Zagreb"]));
        Assert.Equal(14, baseline.KnownWords);
    }

    [Fact]
    public void On_the_bundled_test_split_the_baseline_scores_what_the_notebook_compares_with()
    {
        var splits = BundledNer.Load();
        var test = NerSplits.SentencesOf(splits.Test);
        var baseline = MostFrequentTagBaseline.Train(NerSplits.SentencesOf(splits.Train));

        var scores = EntityScorer.Score(test, baseline.Predict(test.Select(s => s.Tokens).ToList()));

        Assert.Equal(0.212, scores.Micro.F1, 3);
        Assert.Equal(0.816, scores.TokenAccuracy, 3);
    }
}
