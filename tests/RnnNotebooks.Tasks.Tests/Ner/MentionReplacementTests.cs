using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class MentionReplacementTests
{
    private static readonly NerSentence[] Train =
    [
        new(["Weather", "Report", "toured", "Japan", "."], ["B-ORG", "I-ORG", "O", "B-LOC", "O"]),
        new(["Yes", "played", "in", "New", "York", "City"], ["B-ORG", "O", "O", "B-LOC", "I-LOC", "I-LOC"]),
        new(["Ada", "Lovelace", "met", "Babbage"], ["B-PER", "I-PER", "O", "B-PER"]),
    ];

    [Fact]
    public void Every_entity_replaced_keeps_the_words_around_it_and_takes_a_mention_of_its_own_type_tagged_B_then_I()
    {
        var replacement = new MentionReplacement(Train);
        Assert.Equal(2, replacement.CountOf("ORG"));
        Assert.Equal(2, replacement.CountOf("PER"));
        Assert.Equal(0, replacement.CountOf("MISC"));

        var random = new Random(3);
        for (int draw = 0; draw < 50; draw++)
        {
            var s = replacement.Apply(Train[0], p: 1, random);
            var entities = s.Entities;

            Assert.Equal(2, entities.Count);
            Assert.Equal("ORG", entities[0].Type);
            Assert.Contains(s.TextOf(entities[0]), new[] { "Weather Report", "Yes" });
            Assert.Equal("LOC", entities[1].Type);
            Assert.Contains(s.TextOf(entities[1]), new[] { "Japan", "New York City" });
            Assert.Equal("toured", s.Tokens[entities[0].End]);              // the context stays
            Assert.Equal(".", s.Tokens[^1]);
            Assert.Equal(s.Length - 2, entities[0].Length + entities[1].Length); // "toured" and "." are all that is left
        }
    }

    [Fact]
    public void Both_mentions_of_a_type_are_drawn_and_with_p_0_the_sentence_comes_back_unchanged()
    {
        var replacement = new MentionReplacement(Train);
        var random = new Random(5);
        var seen = Enumerable.Range(0, 200).Select(_ => replacement.Apply(Train[1], 1, random)).Select(s => s.TextOf(s.Entities[0])).ToHashSet();

        Assert.Equal(new HashSet<string> { "Weather Report", "Yes" }, seen);
        Assert.Same(Train[1], replacement.Apply(Train[1], 0, random));
        var plain = new NerSentence(["no", "names", "here"], ["O", "O", "O"]);
        Assert.Same(plain, replacement.Apply(plain, 1, random));
    }

    [Fact]
    public void A_probability_of_one_half_replaces_about_half_of_the_entities_and_a_wrong_probability_is_named()
    {
        var replacement = new MentionReplacement([Train[2], new(["Grace", "Hopper"], ["B-PER", "I-PER"])]);
        var random = new Random(9);
        // Each PER of Train[2] is drawn from 3 mentions: a replaced one differs from the original 2 times in 3, so about 0.5 * 2/3 change.
        int changed = Enumerable.Range(0, 4000).Sum(_ =>
        {
            var s = replacement.Apply(Train[2], 0.5, random);
            return s.Entities.Select(s.TextOf).Zip(new[] { "Ada Lovelace", "Babbage" }).Count(p => p.First != p.Second);
        });

        Assert.InRange(changed / 8000.0, 1 / 3.0 - 0.02, 1 / 3.0 + 0.02); // binomial sd 0.0053
        Assert.Contains("probability in [0, 1]", Assert.Throws<ArgumentOutOfRangeException>(() => replacement.Apply(Train[2], 1.5, random)).Message);
    }
}
