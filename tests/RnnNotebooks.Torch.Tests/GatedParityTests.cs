using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

/// <summary>The core's GRU and LSTM against TorchSharp's nn.GRU and nn.LSTM with the same weights, float64, 1 torch thread.</summary>
[Collection(TorchSeedCollection.Name)] // its twins build nn layers, which draw from torch's generator
public sealed class GatedParityTests(ITestOutputHelper output)
{
    /// <summary>Fixed cases: the largest sizes, and each of a0 and c0 alone.</summary>
    private static readonly GatedParityCase[] Fixed =
    [
        new(Lstm: false, Seed: 1, Tx: 100, nX: 27, nA: 128, nY: 27, m: 8, G2: Activation.Softmax, OneHot: true, Weights: Weights.Mask, RandomA0: true, RandomC0: false),
        new(Lstm: true, Seed: 2, Tx: 100, nX: 27, nA: 128, nY: 27, m: 8, G2: Activation.Softmax, OneHot: true, Weights: Weights.Mask, RandomA0: true, RandomC0: true),
        new(Lstm: true, Seed: 3, Tx: 30, nX: 6, nA: 20, nY: 3, m: 4, G2: Activation.Identity, OneHot: false, Weights: Weights.LastStep, RandomA0: false, RandomC0: true),
        new(Lstm: false, Seed: 4, Tx: 1, nX: 3, nA: 1, nY: 2, m: 1, G2: Activation.Sigmoid, OneHot: false, Weights: Weights.None, RandomA0: true, RandomC0: false),
    ];

    public static TheoryData<string> Rows()
    {
        var rows = new TheoryData<string>();
        foreach (string name in Cases().Keys)
        {
            rows.Add(name);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Core_matches_nn_gru_and_nn_lstm_on_yhat_loss_and_every_gradient(string name)
    {
        var c = Cases()[name];
        var (model, x, y, a0, c0) = c.Build();

        var report = Parity.Compare(model, x, y, a0, c0);

        output.WriteLine(report.ToString());
        Assert.True(report.AllPassed, report.ToString());
        var expected = c.Lstm
            ? new List<string> { "a", "c", "yHat", "L", "dWax", "dWaa", "dBax", "dBaa", "dWya", "dBy", "dA0", "dC0" }
            : new List<string> { "a", "yHat", "L", "dWax", "dWaa", "dBax", "dBaa", "dWya", "dBy", "dA0" };
        if (!c.OneHot)
        {
            expected.Add("dX");
        }
        Assert.Equal(expected, report.Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_weight_off_by_1e_7_fails_parity(bool lstm)
    {
        var (model, x, y, a0, c0) = GatedParityCase.Draw(lstm, 5).Build();
        using var twin = new TorchTwin(model);
        var theirs = twin.Run(x, y, a0, c0);
        model.Parameters.Waa[1 % model.Parameters.Waa.Rows, 0] += 1e-7; // after the twin copied the weights

        var report = Parity.Compare(TwinOutputs.FromCore(model, x, y, a0, c0), theirs, twin.Name);

        output.WriteLine(report.ToString());
        Assert.False(report["a"].Passed);
        Assert.Equal(!lstm, report.Entries.All(e => e.Name != "c")); // c<t> is compared for the LSTM only
        if (lstm)
        {
            Assert.False(report["c"].Passed);
        }
        Assert.False(report["yHat"].Passed);
        Assert.False(report["dWaa"].Passed);
    }

    [Fact]
    public void The_gate_blocks_are_in_pytorchs_order()
    {
        // Only the reset gate's recurrent bias is non-zero: PyTorch's block 0 is r, so the GRU's output depends on it
        // through r ⊙ (Wna a + bna) and parity holds only if the core reads block 0 as r too.
        var p = new RecurrentParameters(RecurrentCell.Gru, 2, 2, 2);
        p.Wax.Data.AsSpan().Fill(0.3);
        p.Waa.Data.AsSpan().Fill(-0.2);
        p.Baa[0] = 2.0;
        p.Baa[4] = 0.7; // bna
        var model = new Gru(p);
        var x = SequenceBatch.Dense([new Matrix(2, 1, [1.0, -1.0]), new Matrix(2, 1, [0.5, 2.0])]);
        var y = SequenceTargets.ClassIndices([[0], [1]]);

        var report = Parity.Compare(model, x, y, new Matrix(2, 1, [0.4, -0.3]));

        Assert.True(report.AllPassed, report.ToString());
    }

    private static Dictionary<string, GatedParityCase> Cases() =>
        Fixed.Concat(Enumerable.Range(1, 12).SelectMany(s => new[] { GatedParityCase.Draw(false, 1000 + s), GatedParityCase.Draw(true, 2000 + s) }))
            .ToDictionary(c => c.ToString());
}
