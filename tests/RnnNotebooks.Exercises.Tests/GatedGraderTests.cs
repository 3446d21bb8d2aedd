using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>The GRU and LSTM step graders accept the right step and name the usual mistakes, entry and gate.</summary>
public class GatedGraderTests
{
    private static Verdict Gru(GruForwardFunction? forward = null, GruBackwardFunction? backward = null) => Grade.GruStep(
        forward ?? ((Wax, Waa, bax, baa, aPrev, x) => GatedAnswers.GruForward(Wax, Waa, bax, baa, aPrev, x)),
        backward ?? ((da, step, aPrev, x, Waa) => GatedAnswers.GruBackward(da, step, aPrev, x, Waa)));

    private static Verdict Lstm(LstmForwardFunction? forward = null, LstmBackwardFunction? backward = null) => Grade.LstmStep(
        forward ?? ((Wax, Waa, bax, baa, aPrev, cPrev, x) => GatedAnswers.LstmForward(Wax, Waa, bax, baa, aPrev, cPrev, x)),
        backward ?? ((da, dc, step, aPrev, cPrev, x, Waa) => GatedAnswers.LstmBackward(da, dc, step, aPrev, cPrev, x, Waa)));

    [Fact]
    public void GruStepAcceptsTheRightStep()
    {
        var verdict = Gru();
        Assert.True(verdict.Passed, verdict.Message);
        Assert.StartsWith("✔ exercise gru-step:", verdict.ToString());
    }

    [Fact]
    public void GruStepNamesAForgottenResetGate()
    {
        var verdict = Gru(forward: (Wax, Waa, bax, baa, aPrev, x) => GatedAnswers.GruForward(Wax, Waa, bax, baa, aPrev, x, reset: false));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^n\[\d, \d\] is .*; expected .* \(case 1 of 3: n_a = 2, n_x = 3, m = 2, seed 1\)\. It looks as if the reset gate is missing: n = tanh\(Wnx x \+ bnx \+ r ⊙ hn\)\.$", verdict.Message);
    }

    [Fact]
    public void GruStepNamesSwappedUpdateWeights()
    {
        var verdict = Gru(forward: (Wax, Waa, bax, baa, aPrev, x) => GatedAnswers.GruForward(Wax, Waa, bax, baa, aPrev, x, swapUpdate: true));
        Assert.StartsWith("a<t>[0, 0] is ", verdict.Message);
        Assert.EndsWith("It looks as if z and 1 - z are swapped: a<t> = (1 - z) ⊙ n + z ⊙ a<t-1>.", verdict.Message);
    }

    [Fact]
    public void GruStepNamesTheGateOfAWrongGradientEntry()
    {
        var verdict = Gru(backward: (da, step, aPrev, x, Waa) => GatedAnswers.GruBackward(da, step, aPrev, x, Waa, resetOnRecurrent: false));
        Assert.False(verdict.Passed);
        // r and z rows agree; the first wrong entry of dWaa is in the n block: rows 2 n_a .. 3 n_a - 1 = 4 .. 5.
        Assert.Matches(@"^dWaa\[4, 0\] \(gate n, unit 0\) is .*; expected .* \(case 1 of 3: .*\)\. It looks as if the recurrent side of n lacks r: .*$", verdict.Message);
    }

    [Fact]
    public void GruStepNamesAMissingDirectPath()
    {
        var verdict = Gru(backward: (da, step, aPrev, x, Waa) => GatedAnswers.GruBackward(da, step, aPrev, x, Waa, direct: false));
        Assert.Matches(@"^da<t-1>\[0, 0\] is .* It looks as if da<t-1> misses the direct path da ⊙ z \(a<t> = \.\.\. \+ z ⊙ a<t-1>\)\.$", verdict.Message);
    }

    [Fact]
    public void GruStepNamesATransposedDWax()
    {
        var verdict = Gru(backward: (da, step, aPrev, x, Waa) => GatedAnswers.GruBackward(da, step, aPrev, x, Waa, transposeDWax: true));
        Assert.Equal("dWax has shape (3, 6); expected (3 n_a, n_x) = (6, 3) (case 1 of 3: n_a = 2, n_x = 3, m = 2, seed 1). It is the transposed shape: check the order of the product or a missing ᵀ.", verdict.Message);
    }

    [Fact]
    public void GruStepGradientCheckCatchesWhatAgreesWithNothingElse()
    {
        var verdict = Gru(backward: (da, step, aPrev, x, Waa) =>
        {
            var right = GatedAnswers.GruBackward(da, step, aPrev, x, Waa);
            right.dbaa[5] += 1e-3;
            return right;
        });
        Assert.StartsWith("dbaa[5] (gate n, unit 1) is ", verdict.Message);
    }

    [Fact]
    public void GruStepReportsANullForward()
    {
        var verdict = Gru(forward: (_, _, _, _, _, _) => null!);
        Assert.Equal("the forward function returned null; expected new GruStep(r, z, n, hn, a) (case 1 of 3: n_a = 2, n_x = 3, m = 2, seed 1).", verdict.Message);
    }

    [Fact]
    public void GruStepNotWrittenYet()
    {
        var verdict = Gru(backward: (_, _, _, _, _) => throw new NotImplementedException());
        Assert.StartsWith("✘ exercise gru-step: not written yet", verdict.ToString());
    }

    [Fact]
    public void LstmStepAcceptsTheRightStep()
    {
        var verdict = Lstm();
        Assert.True(verdict.Passed, verdict.Message);
        Assert.StartsWith("✔ exercise lstm-step:", verdict.ToString());
    }

    [Fact]
    public void LstmStepNamesAForgottenCellState()
    {
        var verdict = Lstm(forward: (Wax, Waa, bax, baa, aPrev, cPrev, x) => GatedAnswers.LstmForward(Wax, Waa, bax, baa, aPrev, cPrev, x, carry: false));
        Assert.Matches(@"^c<t>\[0, 0\] is .* It looks as if the old cell state is missing: c<t> = f ⊙ c<t-1> \+ i ⊙ g\.$", verdict.Message);
    }

    [Fact]
    public void LstmStepNamesAMissingTanh()
    {
        var verdict = Lstm(forward: (Wax, Waa, bax, baa, aPrev, cPrev, x) => GatedAnswers.LstmForward(Wax, Waa, bax, baa, aPrev, cPrev, x, tanhC: false));
        Assert.EndsWith("It looks as if tanh is missing: a<t> = o ⊙ tanh(c<t>).", verdict.Message);
    }

    [Fact]
    public void LstmStepNamesTheGradientFromTheNextStepLeftOut()
    {
        var verdict = Lstm(backward: (da, dc, step, aPrev, cPrev, x, Waa) => GatedAnswers.LstmBackward(da, dc, step, aPrev, cPrev, x, Waa, carry: false));
        Assert.False(verdict.Passed);
        Assert.Matches(@"^dWax\[0, 0\] \(gate i, unit 0\) is .*; expected .* \(case 1 of 3: n_a = 2, n_x = 3, m = 2, seed 1\)\. It looks as if the dc from step t \+ 1 is left out: .*$", verdict.Message);
    }

    [Fact]
    public void LstmStepNamesAForgottenForgetGateOnTheHighway()
    {
        var verdict = Lstm(backward: (da, dc, step, aPrev, cPrev, x, Waa) => GatedAnswers.LstmBackward(da, dc, step, aPrev, cPrev, x, Waa, forget: false));
        Assert.Matches(@"^dc<t-1>\[0, 0\] is .* It looks as if the forget gate is missing: c<t> = f ⊙ c<t-1> \+ \.\.\., so dc<t-1> = dc<t> ⊙ f\.$", verdict.Message);
    }

    [Fact]
    public void LstmStepNamesAZeroRecurrentBiasGradient()
    {
        var verdict = Lstm(backward: (da, dc, step, aPrev, cPrev, x, Waa) =>
            GatedAnswers.LstmBackward(da, dc, step, aPrev, cPrev, x, Waa) with { dbaa = new double[8] });
        Assert.Matches(@"^dbaa\[0\] \(gate i, unit 0\) is 0; .* It looks as if dbaa is zero: .*$", verdict.Message);
    }
}
