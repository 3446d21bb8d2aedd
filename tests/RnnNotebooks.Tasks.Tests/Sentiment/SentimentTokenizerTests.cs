using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Sentiment;

public sealed class SentimentTokenizerTests
{
    [Theory]
    [InlineData("The food was GREAT!", "the food was great !")]
    [InlineData("It isn't bad, it's not bad at all.", "it is not bad , it 's not bad at all .")]
    [InlineData("I don't, can't and won't.", "i do not , can not and will not .")]
    [InlineData("We cannot complain; they shan't ain't", "we can not complain ; they shall not is not")]
    [InlineData("dont buy, it wasnt worth it", "do not buy , it was not worth it")]
    [InlineData("Didn\u2019t work. We\u2019ve tried", "did not work . we 've tried")]
    [InlineData("A well-made, 10/10 film (really)", "a well-made , 10 / 10 film ( really )")]
    [InlineData("  I'd go again...", "i 'd go again . . .")]
    public void Words_and_punctuation_come_apart_lower_case_with_every_negation_as_not(string text, string tokens)
    {
        Assert.Equal(tokens.Split(' '), SentimentTokenizer.Tokenize(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void A_blank_text_has_no_tokens(string? text)
    {
        Assert.Empty(SentimentTokenizer.Tokenize(text));
    }
}
