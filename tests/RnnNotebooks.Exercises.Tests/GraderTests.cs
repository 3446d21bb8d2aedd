using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>Each grader accepts the right answer and rejects the usual wrong ones with a message that says what is wrong.</summary>
public class GraderTests
{
    [Fact]
    public void CellStepAcceptsTheRightStep()
    {
        var verdict = Grade.CellStep((Waa, Wax, ba, aPrev, x) => Answers.CellStep(Waa, Wax, ba, aPrev, x));
        Assert.True(verdict.Passed, verdict.Message);
        Assert.StartsWith("✔ exercise cell-step:", verdict.ToString());
    }

    [Fact]
    public void CellStepNamesAForgottenRecurrentTerm()
    {
        var verdict = Grade.CellStep((Waa, Wax, ba, aPrev, x) => Answers.CellStep(Waa, Wax, ba, aPrev, x, recurrent: false));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^a<t>\[\d, \d\] is .*; expected .* \(case 1 of 4: n_a = 2, n_x = 3, m = 2, seed 1\)\. It looks as if the recurrent term Waa a<t-1> is missing\.$", verdict.Message);
    }

    [Fact]
    public void CellStepNamesAMissingTanh()
    {
        var verdict = Grade.CellStep((Waa, Wax, ba, aPrev, x) => Answers.CellStep(Waa, Wax, ba, aPrev, x, tanh: false));
        Assert.Contains("tanh is missing", verdict.Message);
    }

    [Fact]
    public void CellStepNamesATransposedShape()
    {
        var verdict = Grade.CellStep((Waa, Wax, ba, aPrev, x) => Answers.CellStep(Waa, Wax, ba, aPrev, x).Transpose());
        Assert.False(verdict.Passed);
        Assert.Matches(@"^a<t>\[\d, \d\] is .* It is the transpose of the expected a<t>: check the order of the product or a missing ᵀ\.$", verdict.Message);
    }

    [Fact]
    public void CellStepNamesAWrongShape()
    {
        var verdict = Grade.CellStep((Waa, Wax, ba, aPrev, x) => new Matrix(Waa.Rows, 1));
        Assert.False(verdict.Passed);
        Assert.Equal("a<t> has shape (2, 1); expected (n_a, m) = (2, 2) (case 1 of 4: n_a = 2, n_x = 3, m = 2, seed 1).", verdict.Message);
    }

    [Fact]
    public void NotImplementedIsNotWrittenYet()
    {
        var verdict = Grade.CellStep((_, _, _, _, _) => throw new NotImplementedException());
        Assert.False(verdict.Passed);
        Assert.StartsWith("not written yet", verdict.Message);
        Assert.StartsWith("✘ exercise cell-step: not written yet", verdict.ToString());
    }

    [Fact]
    public void AnyOtherExceptionIsReportedNotRethrown()
    {
        var verdict = Grade.BpttStep((_, _, _, _, _) => throw new IndexOutOfRangeException("index 7"));
        Assert.False(verdict.Passed);
        Assert.Equal("your function threw IndexOutOfRangeException: index 7 (case 1 of 4: n_a = 2, n_x = 3, m = 2, seed 1).", verdict.Message);
    }

    [Fact]
    public void ForwardLoopAcceptsTheRightLoop()
    {
        var verdict = Grade.ForwardLoop((Waa, Wax, ba, a0, x) => Answers.ForwardLoop(Waa, Wax, ba, a0, x));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void ForwardLoopNamesTheTimeStepWhereTheStateIsNotCarried()
    {
        var verdict = Grade.ForwardLoop((Waa, Wax, ba, a0, x) => Answers.ForwardLoop(Waa, Wax, ba, a0, x, carry: false));
        Assert.False(verdict.Passed);
        Assert.StartsWith("a<2>[", verdict.Message);
        Assert.Contains("(time step t = 2, case 1 of 3", verdict.Message);
        Assert.EndsWith("every step starts from a<0>: carry a<t-1>, the state the step before returned.", verdict.Message);
    }

    [Fact]
    public void ForwardLoopNamesAForgottenRecurrentTermAtStepOne()
    {
        var verdict = Grade.ForwardLoop((Waa, Wax, ba, a0, x) =>
            x.Select(xt => Answers.CellStep(Waa, Wax, ba, a0, xt, recurrent: false)).ToArray());
        Assert.StartsWith("a<1>[", verdict.Message);
        Assert.EndsWith("the recurrent term Waa a<t-1> is missing.", verdict.Message);
    }

    [Fact]
    public void ForwardLoopNamesTheCountOfStates()
    {
        var verdict = Grade.ForwardLoop((Waa, Wax, ba, a0, x) => [a0, .. Answers.ForwardLoop(Waa, Wax, ba, a0, x)]);
        Assert.Equal("the function returned 4 states; expected T = 3, a<1> .. a<T> (case 1 of 3: n_a = 2, n_x = 3, m = 2, T = 3, seed 1). Leave a<0> out: element [t - 1] is a<t>.", verdict.Message);
    }

    [Fact]
    public void BpttStepAcceptsTheRightStep()
    {
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) => Answers.BpttStep(da, a, aPrev, x, Waa));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void BpttStepNamesAMissingTanhSlope()
    {
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) => Answers.BpttStep(da, a, aPrev, x, Waa, slope: false));
        Assert.False(verdict.Passed);
        Assert.StartsWith("dz[0, 0] is ", verdict.Message);
        Assert.EndsWith("It looks as if the tanh slope g1'(z) = 1 - a² is missing: dz = da ⊙ (1 - a²).", verdict.Message);
    }

    [Fact]
    public void BpttStepNamesATransposedDWaa()
    {
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) => Answers.BpttStep(da, a, aPrev, x, Waa, transposeDWaa: true));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^dWaa\[\d, \d\] is .* It looks as if dWaa = a<t-1> dzᵀ; it is dz a<t-1>ᵀ\.$", verdict.Message);
    }

    [Fact]
    public void BpttStepNamesAWaaThatIsNotTransposed()
    {
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) => Answers.BpttStep(da, a, aPrev, x, Waa, transposeWaa: false));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^da<t-1>\[\d, \d\] is .* It looks as if Waa is not transposed: da<t-1> = Waaᵀ dz\.$", verdict.Message);
    }

    [Fact]
    public void BpttStepNamesADbaNotSummedOverTheBatch()
    {
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) =>
        {
            var right = Answers.BpttStep(da, a, aPrev, x, Waa);
            return right with { dba = right.dz.Data };
        });
        Assert.Equal("dba has length 4; expected n_a = 2 (case 1 of 4: n_a = 2, n_x = 3, m = 2, seed 1). It looks as if dba is not summed over the m columns of the batch.", verdict.Message);
    }

    [Fact]
    public void BpttStepGradientCheckCatchesWhatAgreesWithNothingElse()
    {
        // dWax off by a tiny amount passes no comparison; the message names it, either way.
        var verdict = Grade.BpttStep((da, a, aPrev, x, Waa) =>
        {
            var right = Answers.BpttStep(da, a, aPrev, x, Waa);
            right.dWax[0, 1] += 1e-3;
            return right;
        });
        Assert.False(verdict.Passed);
        Assert.StartsWith("dWax[0, 1] is ", verdict.Message);
    }

    [Fact]
    public void SoftmaxGradientAcceptsYHatMinusY()
    {
        var verdict = Grade.SoftmaxGradient((z, y) => Answers.SoftmaxGradient(z, y));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void SoftmaxGradientNamesAMissingSoftmax()
    {
        var verdict = Grade.SoftmaxGradient((z, y) => Answers.SoftmaxGradient(z, y, softmax: false));
        Assert.False(verdict.Passed);
        Assert.EndsWith("It looks as if softmax is missing: dz = softmax(z) - y, not z - y.", verdict.Message);
    }

    [Fact]
    public void SoftmaxGradientNamesATransposedResult()
    {
        var verdict = Grade.SoftmaxGradient((z, y) => Answers.SoftmaxGradient(z, y).Transpose());
        Assert.Equal("dz has shape (2, 3); expected (n_y, m) = (3, 2) (case 1 of 3: n_y = 3, m = 2, seed 1). It is the transposed shape: check the order of the product or a missing ᵀ.", verdict.Message);
    }

    [Fact]
    public void ClipAcceptsTheGlobalNorm()
    {
        var verdict = Grade.ClipByGlobalNorm((g, maxNorm) => Answers.Clip(g, maxNorm));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void ClipNamesClippingPerTensor()
    {
        var verdict = Grade.ClipByGlobalNorm((g, maxNorm) => Answers.Clip(g, maxNorm, global: false));
        Assert.False(verdict.Passed);
        Assert.StartsWith("gradient 0[", verdict.Message);
        Assert.EndsWith("It looks as if each gradient was clipped by its own norm: scale all of them by the same maxNorm / ‖g‖, with ‖g‖ over every gradient.", verdict.Message);
    }

    [Fact]
    public void ClipNamesNoClipping()
    {
        var verdict = Grade.ClipByGlobalNorm((g, _) => g);
        Assert.EndsWith("It looks as if nothing was clipped although the global norm exceeds maxNorm.", verdict.Message);
    }
}
