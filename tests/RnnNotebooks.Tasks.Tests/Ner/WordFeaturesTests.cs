using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class WordFeaturesTests
{
    [Theory]
    [InlineData("the", CapitalisationPattern.Lower)]
    [InlineData("Paris", CapitalisationPattern.Initial)]
    [InlineData("I", CapitalisationPattern.Initial)]
    [InlineData("Jr.", CapitalisationPattern.Initial)]
    [InlineData("NASA", CapitalisationPattern.AllCaps)]
    [InlineData("U.S.", CapitalisationPattern.AllCaps)]
    [InlineData("Rolls-Royce", CapitalisationPattern.Initial)]
    [InlineData("McDonald", CapitalisationPattern.Mixed)]
    [InlineData("iPhone", CapitalisationPattern.Mixed)]
    [InlineData("1998", CapitalisationPattern.NoLetters)]
    [InlineData(",", CapitalisationPattern.NoLetters)]
    public void The_capitalisation_pattern_of_a_token(string word, CapitalisationPattern pattern) =>
        Assert.Equal(pattern, WordFeatures.Pattern(word));

    [Fact]
    public void The_features_are_the_pattern_one_hot_then_digit_hyphen_period_first()
    {
        Assert.Equal([0, 0, 1, 0, 0, 0, 1, 0, 1], WordFeatures.Of("Rolls-Royce", 0));
        Assert.Equal([0, 0, 0, 1, 0, 0, 0, 1, 0], WordFeatures.Of("U.S.", 3));
        Assert.Equal([0, 1, 0, 0, 0, 1, 0, 0, 0], WordFeatures.Of("1990s", 2));
        Assert.Equal(WordFeatures.Count, WordFeatures.Of("x", 0).Length);
        Assert.Contains("n_f = 9", Assert.Throws<ArgumentException>(() => WordFeatures.Write("x", 0, new double[3])).Message);
    }

    [Fact]
    public void The_suffix_is_the_last_three_characters_of_the_normalised_word()
    {
        Assert.Equal("ese", WordFeatures.Suffix("Japanese"));
        Assert.Equal("ton", WordFeatures.Suffix("WASHINGTON"));
        Assert.Equal("00s", WordFeatures.Suffix("1990s"));
        Assert.Equal("of", WordFeatures.Suffix("of"));
    }
}
