using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class StoryTextTests
{
    [Fact]
    public void The_same_seed_gives_the_same_text_and_another_seed_another()
    {
        Assert.Equal(StoryText.Generate(50, seed: 1), StoryText.Generate(50, seed: 1));
        Assert.NotEqual(StoryText.Generate(50, seed: 1), StoryText.Generate(50, seed: 2));
    }

    [Fact]
    public void The_text_has_the_sentences_asked_for_in_lowercase_letters_spaces_and_full_stops()
    {
        string text = StoryText.Generate(300, seed: 7);

        Assert.Equal(300, text.Count(c => c == '.'));
        Assert.EndsWith(".", text);
        Assert.All(text, c => Assert.True(c is ' ' or '.' or >= 'a' and <= 'z', $"unexpected character U+{(int)c:X4}"));
        Assert.DoesNotContain("  ", text);
    }

    [Fact]
    public void Every_word_written_is_a_known_word_and_a_or_an_agree_with_the_next_word()
    {
        string text = StoryText.Generate(500, seed: 11);
        var words = StoryText.SplitWords(text);

        Assert.Equal(1.0, StoryText.RealWordShare(text));
        for (int i = 0; i + 1 < words.Count; i++)
        {
            if (words[i] == "a")
            {
                Assert.DoesNotContain(words[i + 1][0], "aeiou");
            }
            if (words[i] == "an")
            {
                Assert.Contains(words[i + 1][0], "aeiou");
            }
        }
        Assert.Equal(StoryText.Words.Count, StoryText.Words.Count(w => words.Contains(w))); // 500 sentences use every word
    }

    [Fact]
    public void Then_he_or_she_agrees_with_the_name_of_the_sentence_before()
    {
        string text = StoryText.Generate(400, seed: 5);
        var sentences = text.Split(". ");
        int checkedPronouns = 0;
        for (int i = 1; i < sentences.Length; i++)
        {
            var words = sentences[i].Split(' ');
            if (words[0] != "then")
            {
                continue;
            }
            var before = sentences[i - 1].Split(' ');
            string name = before[0] == "then" ? "" : before[0];
            if (name.Length == 0)
            {
                continue; // two "then" sentences in a row: the name is further back
            }
            bool male = StoryText.Names.ToList().IndexOf(name) < 3;
            Assert.Equal(male ? "he" : "she", words[1]);
            checkedPronouns++;
        }
        Assert.True(checkedPronouns > 50, $"only {checkedPronouns} pronouns checked");
    }

    [Fact]
    public void Real_word_share_counts_complete_words_only()
    {
        Assert.Equal(0.5, StoryText.RealWordShare("harry zzq. hermi"));   // "hermi" reaches the end: maybe cut, left out
        Assert.Equal(["harry", "zzq"], StoryText.SplitWords("harry zzq. hermi"));
        Assert.Equal(0.0, StoryText.RealWordShare("xq zzq."));
        Assert.Contains("holds no complete word", Assert.Throws<ArgumentException>(() => StoryText.RealWordShare("harr")).Message);
    }
}
