using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests;

public sealed class NameTaggingTests
{
    private static readonly int He = NameTagging.Words.ToList().IndexOf("he");

    private static bool IsName(int token) => token >= 1 && token < He;

    private static bool IsMale(int token) => token >= 1 && token <= NameTagging.MaleNames.Count;

    [Fact]
    public void The_same_seed_gives_the_same_sentences()
    {
        var a = NameTagging.Generate(100, 6, 10, 1, 4, seed: 9);
        var b = NameTagging.Generate(100, 6, 10, 1, 4, seed: 9);
        var c = NameTagging.Generate(100, 6, 10, 1, 4, seed: 10);

        Assert.Equal(a.Select(s => s.ToString()), b.Select(s => s.ToString()));
        Assert.NotEqual(a.Select(s => s.ToString()), c.Select(s => s.ToString()));
    }

    [Theory]
    [InlineData(6, 10, 1, 4)]
    [InlineData(6, 10, 5, 10)]
    [InlineData(11, 20, 1, 20)]
    public void Lengths_and_name_positions_stay_in_their_ranges_and_cover_them(int minLength, int maxLength, int first, int last)
    {
        var sentences = NameTagging.Generate(2000, minLength, maxLength, first, last, seed: 1);

        Assert.All(sentences, s => Assert.InRange(s.Length, minLength, maxLength));
        Assert.All(sentences, s => Assert.InRange(s.NamePosition, first, Math.Min(last, s.Length)));
        Assert.Equal(Enumerable.Range(minLength, maxLength - minLength + 1), sentences.Select(s => s.Length).Distinct().Order());
        Assert.Equal(Enumerable.Range(first, last - first + 1), sentences.Select(s => s.NamePosition).Distinct().Order());
    }

    [Fact]
    public void Each_sentence_has_one_name_and_tags_exactly_the_name_and_a_pronoun_that_refers_back_to_it()
    {
        var sentences = NameTagging.Generate(3000, 6, 10, 1, 10, seed: 2);
        int referring = 0, notReferring = 0;
        foreach (var s in sentences)
        {
            Assert.Single(s.Tokens, IsName);
            Assert.True(IsName(s.Tokens[s.NamePosition - 1]));
            for (int t = 1; t <= s.Length; t++)
            {
                int token = s.Tokens[t - 1];
                bool pronoun = token == He || token == He + 1;
                Assert.Equal(pronoun, t == s.PronounPosition);
                bool refersBack = pronoun && t > s.NamePosition && (token == He) == IsMale(s.Tokens[s.NamePosition - 1]);
                Assert.Equal(IsName(token) || refersBack ? 1 : 0, s.Tags[t - 1]);
                referring += refersBack ? 1 : 0;
                notReferring += pronoun && !refersBack ? 1 : 0;
            }
        }
        int withPronoun = sentences.Count(s => s.PronounPosition > 0);
        Assert.InRange(withPronoun / 3000.0, 0.72, 0.78);      // three in four
        Assert.InRange(referring / (double)withPronoun, 0.2, 0.3); // after the name (about half) and the same gender (half)
        Assert.Equal(withPronoun, referring + notReferring);
    }

    [Fact]
    public void The_rnn_batch_pads_and_masks_and_the_feed_forward_batch_has_fixed_width()
    {
        var sentences = NameTagging.Generate(3, 6, 12, 1, 4, seed: 4);
        int tx = sentences.Max(s => s.Length);

        var (x, y) = NameTagging.ToRnnBatch(sentences);
        var (ffX, ffY) = NameTagging.ToFeedForwardBatch(sentences, width: 8);

        Assert.Equal((tx, 3, NameTagging.VocabularySize), (x.Length, x.BatchSize, x.InputSize));
        for (int j = 0; j < 3; j++)
        {
            for (int t = 1; t <= tx; t++)
            {
                bool inside = t <= sentences[j].Length;
                Assert.Equal(inside ? sentences[j].Tokens[t - 1] : NameTagging.Pad, x.Token(t, j));
                Assert.Equal(inside ? 1.0 : 0.0, y.Weight(t, j));
                Assert.Equal(inside ? sentences[j].Tags[t - 1] : 0, y.DenseStep(t)[0, j]);
            }
            for (int t = 1; t <= 8; t++)
            {
                int token = t <= sentences[j].Length ? sentences[j].Tokens[t - 1] : NameTagging.Pad;
                var block = Enumerable.Range(0, NameTagging.VocabularySize).Select(k => ffX[(t - 1) * NameTagging.VocabularySize + k, j]).ToArray();
                Assert.Equal(1.0, block[token]);
                Assert.Equal(1.0, block.Sum());
                Assert.Equal(t <= sentences[j].Length ? sentences[j].Tags[t - 1] : 0, ffY[t - 1, j]);
            }
        }
        Assert.Equal((8 * NameTagging.VocabularySize, 3), ffX.Shape);
    }

    [Fact]
    public void All_tags_right_treats_missing_probabilities_as_no()
    {
        var s = new TaggedSentence([5, 9, 1, 11], [0, 0, 1, 0], 3, 0);

        Assert.True(s.AllTagsRight([0.1, 0.2, 0.9, 0.3]));
        Assert.False(s.AllTagsRight([0.1, 0.2, 0.4, 0.3]));
        Assert.False(s.AllTagsRight([0.1, 0.2]));           // cut before the name
        Assert.True(new TaggedSentence([5, 9, 1], [0, 0, 0], 3, 0).AllTagsRight([0.1]));
        Assert.Throws<ArgumentException>(() => s.AllTagsRight([0, 0, 0, 0, 0]));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NameTagging.Generate(10, 1, 10, 1, 4, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NameTagging.Generate(10, 6, 10, 11, 12, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => NameTagging.Generate(10, 6, 10, 5, 4, 0));
        Assert.Contains("m >= 1", Assert.Throws<ArgumentException>(() => NameTagging.ToRnnBatch([])).Message);
    }
}
