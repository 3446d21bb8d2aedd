using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

[Collection(TorchSeedCollection.Name)] // its twins build nn layers, which draw from torch's generator
public sealed class ParityTests(ITestOutputHelper output)
{
    public static TheoryData<string, TwinKind> Rows()
    {
        var rows = new TheoryData<string, TwinKind>();
        foreach (string name in ParityCases.ByName.Keys)
        {
            rows.Add(name, TwinKind.NnModule);
            rows.Add(name, TwinKind.CellLoop);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void Core_matches_twin_on_yhat_loss_and_every_gradient(string name, TwinKind twin)
    {
        var (model, x, y, a0) = ParityCases.ByName[name].Build();

        var report = Parity.Compare(model, x, y, a0, twin: twin);

        output.WriteLine(report.ToString());
        Assert.True(report.AllPassed, report.ToString());
        string[] expected = x.IsOneHot
            ? ["a", "yHat", "L", "dWaa", "dWax", "dWya", "dBa", "dBy", "dA0"]
            : ["a", "yHat", "L", "dWaa", "dWax", "dWya", "dBa", "dBy", "dA0", "dX"];
        Assert.Equal(expected, report.Entries.Select(e => e.Name));
    }

    [Theory]
    [InlineData(TwinKind.NnModule)]
    [InlineData(TwinKind.CellLoop)]
    public void A_weight_off_by_1e_7_fails_parity(TwinKind twin)
    {
        var (model, x, y, a0) = ParityCases.ByName["tanh-softmax-dense-a0"].Build();
        var shifted = new Rnn(model.Parameters.Clone(), model.G1, model.G2);
        shifted.Parameters.Waa[0, 0] += 1e-7;
        using var torchModel = Parity.Twin(model, twin);

        var report = Parity.Compare(TwinOutputs.FromCore(shifted, x, y, a0), torchModel.Run(x, y, a0), torchModel.Name);

        output.WriteLine(report.ToString());
        Assert.False(report.AllPassed);
        Assert.False(report["a"].Passed);
        Assert.False(report["yHat"].Passed);
        Assert.False(report["dWaa"].Passed);
        Assert.InRange(report["yHat"].MaxAbsDifference, 1e-10, 1e-6);
    }

    [Fact]
    public void Both_twins_agree_with_each_other_and_a_rerun_gives_the_same_gradients()
    {
        var (model, x, y, a0) = ParityCases.ByName["relu-softmax-dense-masked-a0"].Build();
        using var nn = new TorchTwin(model);
        using var loop = new TorchCellLoopTwin(model);

        var first = nn.Run(x, y, a0);
        var again = nn.Run(x, y, a0);
        var report = Parity.Compare(first, loop.Run(x, y, a0), loop.Name);

        var rerun = Parity.Compare(first, again, "nn.RNN again", tolerance: 1e-13);

        Assert.True(report.AllPassed, report.ToString());
        Assert.True(rerun.AllPassed, rerun.ToString()); // gradients do not accumulate across runs (only the summation order may change)
    }
}
