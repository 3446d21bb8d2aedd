using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class WordDropoutTests
{
    private const int Draws = 20_000;

    [Fact]
    public void A_singleton_is_read_as_unk_with_its_own_probability_and_every_other_word_with_the_common_one()
    {
        var drop = WordDropout.Of(0.1, new Random(7), singletons: new HashSet<int> { 5 }, pSingleton: 0.5)!;

        double singletonShare = Enumerable.Range(0, Draws).Count(_ => drop(5) == WordVocabulary.UnknownId) / (double)Draws;
        double otherShare = Enumerable.Range(0, Draws).Count(_ => drop(6) == WordVocabulary.UnknownId) / (double)Draws;

        // Binomial standard deviations: sqrt(0.25 / 20000) = 0.0035 and sqrt(0.09 / 20000) = 0.0021; 4 of them allowed.
        Assert.InRange(singletonShare, 0.5 - 0.014, 0.5 + 0.014);
        Assert.InRange(otherShare, 0.1 - 0.0085, 0.1 + 0.0085);
        Assert.Equal(6, WordDropout.Of(0, new Random(7), new HashSet<int> { 5 }, 0.999)!(6)); // only singletons are dropped
    }

    [Fact]
    public void Singletons_draw_the_same_sequence_as_plain_word_dropout_so_a_seed_keeps_its_bits_when_no_word_is_a_singleton()
    {
        var plain = WordDropout.Of(0.3, new Random(11))!;
        var none = WordDropout.Of(0.3, new Random(11), singletons: new HashSet<int>(), pSingleton: 0.5)!;
        var other = WordDropout.Of(0.3, new Random(11), singletons: new HashSet<int> { 99 }, pSingleton: 0.5)!;

        var ids = Enumerable.Range(0, 200).Select(i => 2 + i % 7).ToArray();
        var expected = ids.Select(plain).ToArray();
        Assert.Equal(expected, ids.Select(none));
        Assert.Equal(expected, ids.Select(other));
        Assert.Contains(WordVocabulary.UnknownId, expected);
    }

    [Fact]
    public void Nothing_to_drop_gives_no_map_and_a_wrong_probability_or_a_missing_random_is_named()
    {
        Assert.Null(WordDropout.Of(0, null));
        Assert.Null(WordDropout.Of(0, null, new HashSet<int>(), 0.5)); // no singletons: nothing to drop
        Assert.Contains("pSingleton = 1", Assert.Throws<ArgumentException>(() => WordDropout.Of(0, new Random(1), new HashSet<int> { 2 }, 1)).Message);
        Assert.Contains("p = -0.1", Assert.Throws<ArgumentException>(() => WordDropout.Of(-0.1, new Random(1))).Message);
        Assert.Contains("random is null", Assert.Throws<ArgumentException>(() => WordDropout.Of(0, null, new HashSet<int> { 2 }, 0.5)).Message);
    }
}
