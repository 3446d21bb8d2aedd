using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Sentiment;

public sealed class BagOfWordsBaselineTests
{
    private static readonly IReadOnlyList<IReadOnlyList<string>> Sentences =
        ["good good film".Split(' '), "bad film".Split(' '), "not good".Split(' '), "unseen words here".Split(' ')];

    private static readonly int[] Labels = [1, 0, 0, 1];

    [Fact]
    public void The_gradient_matches_central_differences_with_the_l2_penalty()
    {
        var baseline = BagOfWordsBaseline.Create(Sentences.Take(3).ToList(), lambda: 0.1);
        var random = new Random(3);
        foreach (var t in baseline.Tensors)
        {
            for (int i = 0; i < t.Values.Length; i++)
            {
                t.Values[i] = random.NextDouble() - 0.5;
            }
        }
        var counts = baseline.Counts(Sentences);

        baseline.ComputeGradients(counts, Labels);
        var results = GradientCheck.Run(baseline.Tensors, baseline.GradientTensors, () => baseline.Loss(counts, Labels));

        Assert.All(results, r => Assert.True(r.RelativeError < 1e-7, r.ToString()));
        Assert.All(results, r => Assert.True(r.AnalyticNorm > 1e-3, r.ToString()));
    }

    [Fact]
    public void The_loss_is_the_hand_computed_cross_entropy_at_zero_weights()
    {
        var baseline = BagOfWordsBaseline.Create(Sentences, lambda: 0.5);

        Assert.Equal(Math.Log(2), baseline.Loss(baseline.Counts(Sentences), Labels), 12); // sigmoid(0) = 1/2 for every sentence
        Assert.Equal([0.5, 0.5], baseline.Predict([[], ["good"]]));
    }

    [Fact]
    public void Counts_are_per_word_with_unknown_words_pooled_in_unk()
    {
        var baseline = BagOfWordsBaseline.Create(Sentences.Take(3).ToList());
        int good = baseline.Words.IdOf("good");

        Assert.Equal([(good, 2), (baseline.Words.IdOf("film"), 1)], baseline.Counts([Sentences[0]])[0].OrderByDescending(p => p.Count));
        Assert.Equal([(WordVocabulary.UnknownId, 3)], baseline.Counts([Sentences[3]])[0]);
    }

    [Fact]
    public void Trained_it_learns_the_sign_of_plain_words_but_cannot_tell_not_good_from_good_in_its_order()
    {
        IReadOnlyList<IReadOnlyList<string>> train =
            ["good".Split(' '), "bad".Split(' '), "not good".Split(' '), "not bad".Split(' '), "very good".Split(' '), "very bad".Split(' ')];
        var baseline = BagOfWordsBaseline.Train(train, [1, 0, 0, 1, 1, 0], steps: 500);

        Assert.True(baseline.WeightOf("good") > 0.3, $"w[good] = {baseline.WeightOf("good")}");
        Assert.True(baseline.WeightOf("bad") < -0.3, $"w[bad] = {baseline.WeightOf("bad")}");
        var p = baseline.Predict(["not good".Split(' '), "good not".Split(' ')]);
        Assert.Equal(p[0], p[1]); // the same counts: the same answer, whatever the order
    }
}
