using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class CharVocabularyTests
{
    [Fact]
    public void From_text_is_sorted_distinct_and_round_trips()
    {
        var vocabulary = CharVocabulary.FromText("hello world.");

        Assert.Equal(" .dehlorw", string.Concat(vocabulary.Characters));
        Assert.Equal(9, vocabulary.Size);
        var ids = vocabulary.Encode("hello world.");
        Assert.Equal([4, 3, 5, 5, 6, 0, 8, 6, 7, 5, 2, 1], ids);
        Assert.Equal("hello world.", vocabulary.Decode(ids));
        Assert.Equal('w', vocabulary.CharAt(8));
        Assert.Equal(8, vocabulary.IndexOf('w'));
    }

    [Fact]
    public void The_generated_story_text_round_trips()
    {
        string text = StoryText.Generate(200, seed: 3);
        var vocabulary = CharVocabulary.FromText(text);

        Assert.Equal(text, vocabulary.Decode(vocabulary.Encode(text)));
    }

    [Fact]
    public void An_unknown_character_is_named_with_its_position()
    {
        var vocabulary = CharVocabulary.FromText("abc ");

        var e = Assert.Throws<UnknownCharacterException>(() => vocabulary.Encode("ab cZa"));

        Assert.Equal('Z', e.Character);
        Assert.Equal(4, e.Position);
        Assert.StartsWith("text[4] (of 6) is 'Z' (U+005A), which is not in this vocabulary of 4 characters ( abc).", e.Message);
    }

    [Fact]
    public void A_control_character_is_named_by_its_code_point()
    {
        var vocabulary = CharVocabulary.FromText("ab");

        var e = Assert.Throws<UnknownCharacterException>(() => vocabulary.Encode("a\nb"));

        Assert.StartsWith("text[1] (of 3) is U+000A,", e.Message);
    }

    [Fact]
    public void Bad_input_is_refused_with_a_reason()
    {
        Assert.Contains("already at index 0", Assert.Throws<ArgumentException>(() => new CharVocabulary("aba")).Message);
        Assert.Contains("at least one character", Assert.Throws<ArgumentException>(() => CharVocabulary.FromText("")).Message);
        var vocabulary = CharVocabulary.FromText("ab");
        Assert.Contains("ids[1] is 2", Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.Decode([0, 2])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => vocabulary.CharAt(-1));
        Assert.Throws<UnknownCharacterException>(() => vocabulary.IndexOf('c'));
    }

    [Fact]
    public void ToString_lists_the_characters()
    {
        Assert.Equal("CharVocabulary (n_x = 3): ' ' '.' 'a'", CharVocabulary.FromText("a. a").ToString());
    }
}
