using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>The graders of the applications' exercises accept a right answer and name the usual mistakes.</summary>
public class SequenceGraderTests
{
    [Fact]
    public void EmbeddingBackwardAcceptsTheLibrarysAnswerAndALoop()
    {
        var library = Grade.EmbeddingBackward((tokens, dx, V) =>
        {
            var embedding = new Embedding(new Matrix(dx[0].Rows, V));
            embedding.Backward(SequenceBatch.OneHot(V, tokens), dx);
            return embedding.dE;
        });
        Assert.True(library.Passed, library.Message);
        var loop = Grade.EmbeddingBackward((tokens, dx, V) => SequenceAnswers.EmbeddingBackward(tokens, dx, V));
        Assert.True(loop.Passed, loop.Message);
    }

    [Fact]
    public void EmbeddingBackwardNamesARepeatedIdThatOverwrote()
    {
        var verdict = Grade.EmbeddingBackward((tokens, dx, V) => SequenceAnswers.EmbeddingBackward(tokens, dx, V, accumulate: false));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^dE\[0, 0\] \(id 0 at t = 1 sample 0, t = 1 sample 1, .*\) is .*; expected .* \(case 1 of 3: n_e = 3, V = 4, Tx = 3, m = 5, seed 1\)\. It looks as if a repeated id overwrote its column: .*$", verdict.Message);
    }

    [Fact]
    public void EmbeddingBackwardNamesATransposedShape()
    {
        var verdict = Grade.EmbeddingBackward((tokens, dx, V) => SequenceAnswers.EmbeddingBackward(tokens, dx, V).Transpose());
        Assert.Equal("dE has shape (4, 3); expected (n_e, V) = (3, 4) (case 1 of 3: n_e = 3, V = 4, Tx = 3, m = 5, seed 1). It is the transposed shape: check the order of the product or a missing ᵀ.", verdict.Message);
    }

    [Fact]
    public void BiRnnMergeAcceptsTheMergeAndItsSplit()
    {
        var verdict = Grade.BiRnnMerge((f, b, lengths) => SequenceAnswers.BiRnnMerge(f, b, lengths), (dh, lengths) => SequenceAnswers.BiRnnSplit(dh, lengths));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void BiRnnMergeNamesAReversalOverTxInsteadOfEachLength()
    {
        var verdict = Grade.BiRnnMerge((f, b, lengths) => SequenceAnswers.BiRnnMerge(f, b, lengths, perSample: false), (dh, lengths) => SequenceAnswers.BiRnnSplit(dh, lengths));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^h<1>\[2, 1\] \(a_bwd<1>, unit 0, sample 1, T = 1: the backward direction's step 1\) is .*; expected .* \(case 1 of 3: n_a = 2, Tx = 3, m = 3, lengths \[3, 1, 1\], seed 1\)\. It looks as if the steps were reversed over Tx, not over each sample's own length T_j.*$", verdict.Message);
    }

    [Fact]
    public void BiRnnMergeNamesASplitThatSendsTheGradientToTheWrongStep()
    {
        var verdict = Grade.BiRnnMerge((f, b, lengths) => SequenceAnswers.BiRnnMerge(f, b, lengths), (dh, lengths) => SequenceAnswers.BiRnnSplit(dh, lengths, perSample: false));
        Assert.Matches(@"^da_bwd<1>\[0, 1\] \(sample 1, T = 1: it comes from dh<1>\) is .* It looks as if the steps were reversed over Tx.*$", verdict.Message);
    }

    [Fact]
    public void BiRnnMergeNamesSwappedHalves()
    {
        var verdict = Grade.BiRnnMerge((f, b, lengths) => SequenceAnswers.BiRnnMerge(f, b, lengths).Select(h =>
            new Matrix(h.Rows, h.Cols, [.. h.Data[(h.Data.Length / 2)..], .. h.Data[..(h.Data.Length / 2)]])).ToArray(), (dh, lengths) => SequenceAnswers.BiRnnSplit(dh, lengths));
        Assert.StartsWith("h<1>[0, 0] (a_fwd<1>, unit 0, sample 0) is ", verdict.Message);
        Assert.EndsWith("It looks as if the halves are swapped: h<t> = [a_fwd<t>; a_bwd<t>], the forward direction on top.", verdict.Message);
    }

    [Fact]
    public void LastStepLossAcceptsTheMeanAtEachLastStep()
    {
        var verdict = Grade.LastStepLoss((z, y, lengths) => SequenceAnswers.LastStepLoss(z, y, lengths));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void LastStepLossNamesAForgottenMean()
    {
        var verdict = Grade.LastStepLoss((z, y, lengths) => SequenceAnswers.LastStepLoss(z, y, lengths, mean: false));
        Assert.Matches(@"^L is 2\.67\d+; expected 0\.891\d+ \(case 1 of 3: Tx = 4, m = 3, lengths \[4, 1, 1\], labels \[0, 1, 1\], seed 1\)\. It looks as if the weight 1/m is missing: L is the mean over the batch\.$", verdict.Message);
    }

    [Fact]
    public void LastStepLossNamesTheLossTakenOnThePadding()
    {
        var verdict = Grade.LastStepLoss((z, y, lengths) => SequenceAnswers.LastStepLoss(z, y, lengths, ownEnd: false));
        Assert.EndsWith("It looks as if every sentence was scored at t = Tx, the padding: score sentence j at its own last step T_j.", verdict.Message);
    }

    [Fact]
    public void LastStepLossNamesTheFirstWrongStepOfDz()
    {
        var verdict = Grade.LastStepLoss((z, y, lengths) =>
        {
            var right = SequenceAnswers.LastStepLoss(z, y, lengths);
            return right with { dz = right.dz.Select(d => Map(d, v => -v)).ToArray() };
        });
        Assert.Matches(@"^dz<1>\[0, 1\] is 0\.235\d+; expected -0\.235\d+ \(case 1 of 3: .*\)\. It looks as if the sign is flipped: dz = w \(σ\(z\) - y\), not w \(y - σ\(z\)\)\.$", verdict.Message);
    }

    [Fact]
    public void AttentionStepAcceptsTheRightStep()
    {
        var verdict = Grade.AttentionStep((Wd, We, v, s, h) => SequenceAnswers.Attention(Wd, We, v, s, h));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void AttentionStepNamesASoftmaxOverTheBatch()
    {
        var verdict = Grade.AttentionStep((Wd, We, v, s, h) => SequenceAnswers.Attention(Wd, We, v, s, h, overInputs: false));
        Assert.Matches(@"^alpha\[0, 0\] \(input t' = 1, sample 0\) is .* It looks as if the softmax ran over the batch \(each row\), not over the inputs t' \(each column\)\.$", verdict.Message);
    }

    [Fact]
    public void AttentionStepNamesAContextWeighedWithScores()
    {
        var verdict = Grade.AttentionStep((Wd, We, v, s, h) =>
        {
            var right = SequenceAnswers.Attention(Wd, We, v, s, h);
            var context = new Matrix(right.context.Rows, right.context.Cols);
            for (int t = 0; t < h.Length; t++)
                for (int j = 0; j < context.Cols; j++)
                    for (int k = 0; k < context.Rows; k++) context[k, j] += right.e[t, j] * h[t][k, j];
            return right with { context = context };
        });
        Assert.StartsWith("context[0, 0] is ", verdict.Message);
        Assert.EndsWith("It looks as if the context weighs h with e, not alpha: c<t> = sum over t' of alpha<t,t'> h<t'>.", verdict.Message);
    }

    [Fact]
    public void BeamStepAcceptsTheLibrarysTieBreaking()
    {
        var verdict = Grade.BeamStep((scores, lp) => SequenceAnswers.BeamStep(scores, lp));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void BeamStepNamesTiesBrokenByToken()
    {
        var verdict = Grade.BeamStep((scores, lp) => SequenceAnswers.BeamStep(scores, lp, hypothesisFirst: false));
        Assert.Equal("extension 1 is (hypothesis 1, token 2, score -1.25); expected (hypothesis 0, token 4, score -1.25) (case 3 of 4: k = 4, n_y = 5, seed 3, with ties). " +
            "It looks as if ties went to the lower token first: list the candidates hypothesis by hypothesis, then token by token, and keep the first of equal scores.", verdict.Message);
    }

    [Fact]
    public void BeamStepNamesScoresLeftOut()
    {
        var verdict = Grade.BeamStep((scores, lp) => SequenceAnswers.BeamStep(new double[scores.Length], lp));
        Assert.StartsWith("extension 0 is (hypothesis ", verdict.Message);
        Assert.EndsWith("It looks as if the hypotheses' scores were left out: rank by log P(y<1..t-1>) + log yHat<t>[y].", verdict.Message);
    }

    [Fact]
    public void BeamStepNamesAShortList()
    {
        var verdict = Grade.BeamStep((scores, lp) => SequenceAnswers.BeamStep(scores, lp)[1..]);
        Assert.Equal("the function returned 1 extensions; expected the k = 2 best, best first (case 1 of 4: k = 2, n_y = 5, seed 1).", verdict.Message);
    }

    [Fact]
    public void TemperatureSampleAcceptsTheInverseCdf()
    {
        var verdict = Grade.TemperatureSample((z, T, u) => SequenceAnswers.TemperatureSample(z, T, u));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void TemperatureSampleNamesAForgottenTemperature()
    {
        var verdict = Grade.TemperatureSample((z, T, u) => SequenceAnswers.TemperatureSample(z, T, u, temperature: false));
        Assert.Matches(@"^draw 3 \(u = 0\.144148\) gave index 0; expected 3 \(case 2 of 4: n_y = 7, T = 0\.5, z = \[.*\]\)\. It looks as if the temperature is missing: p = softmax\(z / T\), not softmax\(z\)\.$", verdict.Message);
    }

    [Fact]
    public void TemperatureSampleNamesAMissingArgmaxAtZero()
    {
        var verdict = Grade.TemperatureSample((z, T, u) => SequenceAnswers.TemperatureSample(z, T == 0 ? 1 : T, u));
        Assert.Matches(@"^draw \d+ \(u = .*\) gave index \d; expected \d, the argmax of z \(T = 0 is the limit T → 0\) \(case 4 of 4: n_y = 5, T = 0, .*\)\. It looks as if T = 0 was sampled as T = 1: at T = 0 return the argmax of z\.$", verdict.Message);
    }

    [Fact]
    public void TemperatureSampleReportsAnExceptionWithTheDraw()
    {
        var verdict = Grade.TemperatureSample((z, T, u) => z[z.Length] > 0 ? 0 : 1);
        Assert.StartsWith("your function threw IndexOutOfRangeException: ", verdict.Message);
        Assert.Contains("(draw 0, u = ", verdict.Message);
    }

    private static Matrix Map(Matrix m, Func<double, double> f) => new(m.Rows, m.Cols, m.Data.Select(f).ToArray());
}
