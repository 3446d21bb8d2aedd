using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Translation;

public sealed class BleuTests
{
    private static IReadOnlyList<string> T(string text) => text.Split(' ');

    [Fact]
    public void Corpus_bleu_of_a_hand_worked_two_sentence_corpus()
    {
        // Sentence 1: candidate "the cat sat on the mat", reference "the cat is on the mat" (6 tokens each).
        //   1-grams: the (2, clipped to the reference's 2), cat, on, mat match; sat does not: 5 of 6.
        //   2-grams: "the cat", "on the", "the mat" match; "cat sat", "sat on" do not: 3 of 5.
        //   3-grams: only "on the mat": 1 of 4.   4-grams: none: 0 of 3.
        // Sentence 2: candidate = reference = "a b c d": 4 of 4, 3 of 3, 2 of 2, 1 of 1.
        // Corpus sums: p1 = 9/10, p2 = 6/8, p3 = 3/6, p4 = 1/4; c = r = 10, so BP = 1.
        // BLEU = 100 (0.9 * 0.75 * 0.5 * 0.25)^(1/4) = 100 * 0.084375^0.25 = 53.8956...
        var score = Bleu.Corpus([T("the cat sat on the mat"), T("a b c d")], [[T("the cat is on the mat")], [T("a b c d")]]);

        Assert.Equal([0.9, 0.75, 0.5, 0.25], score.Precisions.Select(p => Math.Round(p, 12)));
        Assert.Equal(1.0, score.BrevityPenalty);
        Assert.Equal((10, 10), (score.CandidateLength, score.ReferenceLength));
        Assert.Equal(100 * Math.Pow(0.084375, 0.25), score.Score, 10);
        Assert.Equal(53.8956, score.Score, 4);
    }

    [Fact]
    public void A_short_candidate_pays_the_brevity_penalty_and_no_four_gram_match_gives_zero()
    {
        // c = 3, r = 5: BP = exp(1 - 5/3) = exp(-2/3) = 0.5134; a 3-token candidate has no 4-gram, so p4 = 0 and BLEU = 0.
        var score = Bleu.Corpus([T("a b c")], [[T("a b c d e")]]);

        Assert.Equal(Math.Exp(-2.0 / 3.0), score.BrevityPenalty, 12);
        Assert.Equal([1.0, 1.0, 1.0, 0.0], score.Precisions);
        Assert.Equal(0.0, score.Score);
    }

    [Fact]
    public void Counts_are_clipped_by_the_reference_that_has_the_n_gram_most_and_r_is_the_closest_reference_length()
    {
        // "the" three times: the first reference has it once, the second twice, so 2 of 3 unigrams match.
        // Reference lengths 2 and 3 for a 3-token candidate: r = 3, so BP = 1.
        var score = Bleu.Corpus([T("the the the")], [[T("the cat"), T("the the dog")]]);

        Assert.Equal(2.0 / 3.0, score.Precisions[0], 12);
        Assert.Equal(3, score.ReferenceLength);
        Assert.Equal(1.0, score.BrevityPenalty);
    }

    [Fact]
    public void A_sentence_without_a_reference_is_refused_by_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => Bleu.Corpus([T("a"), T("b")], [[T("a")], []]));
        Assert.Contains("sentence 1 has no reference", e.Message);
    }
}
