using Xunit.Abstractions;
using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>GRU and LSTM BPTT against central differences, for every parameter, a0, c0 and dense x, over random problems.</summary>
public class GatedRnnTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    public static TheoryData<bool, int> Seeds()
    {
        var rows = new TheoryData<bool, int>();
        foreach (bool lstm in new[] { false, true })
        {
            for (int seed = 1; seed <= 40; seed++)
            {
                rows.Add(lstm, seed);
            }
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Every_gradient_passes_the_finite_difference_check(bool lstm, int seed)
    {
        var problem = GatedProblem.Draw(lstm, seed);

        var results = GradientCheck.Run(problem.Model, problem.X, problem.Y, problem.A0, problem.C0);

        output.WriteLine(problem.ToString());
        int expected = 6 + (problem.A0 is null ? 0 : 1) + (problem.C0 is null ? 0 : 1) + (problem.X.IsOneHot ? 0 : problem.X.Length);
        Assert.Equal(expected, results.Count); // Wax, Waa, Bax, Baa, Wya, By, a0, c0 and x<t> when given
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, $"{problem}: {r}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_zero_a0_still_gets_its_gradient(bool lstm)
    {
        // dA0 is returned whether or not a0 was given: check it at a0 = 0 (and c0 = 0) explicitly.
        var problem = GatedProblem.Draw(lstm, 7);
        var g = problem.Model.Backward(problem.Forward(), problem.Y);
        var zeroA = new Matrix(problem.Model.Parameters.nA, problem.X.BatchSize);
        var zeroC = new Matrix(problem.Model.Parameters.nA, problem.X.BatchSize);
        double Loss() => problem.Model switch
        {
            Lstm l => l.Loss(l.Forward(problem.X, zeroA, zeroC), problem.Y),
            Gru r => r.Loss(r.Forward(problem.X, zeroA), problem.Y),
            _ => throw new InvalidOperationException(),
        };
        if (problem.A0 is null && problem.C0 is null)
        {
            Assert.True(GradientCheck.Compare("a0", zeroA.Data, g.dA0.Data, Loss).RelativeError < Tolerance);
            if (lstm)
            {
                Assert.True(GradientCheck.Compare("c0", zeroC.Data, g.dC0!.Data, Loss).RelativeError < Tolerance);
            }
        }
    }

    [Fact]
    public void The_gru_cell_by_hand_on_one_unit()
    {
        // n_x = n_a = 1, m = 1, x = 1, a<0> = 0.5, every weight and bias = 0.1 except Wnx = 0.3:
        // r = z = σ(0.1 + 0.1 + 0.05 + 0.1) = σ(0.35); hn = 0.05 + 0.1 = 0.15; n = tanh(0.3 + 0.1 + r 0.15)
        var p = new RecurrentParameters(RecurrentCell.Gru, 1, 1, 0);
        Array.Fill(p.Wax.Data, 0.1);
        Array.Fill(p.Waa.Data, 0.1);
        Array.Fill(p.Bax, 0.1);
        Array.Fill(p.Baa, 0.1);
        p.Wax.Data[2] = 0.3;
        var gates = new Matrix(3, 1);
        var hn = new Matrix(1, 1);
        var a = new Matrix(1, 1);
        GruCell.Forward(p, new Matrix(1, 1, [0.5]), new Matrix(1, 1, [1.0]), gates, hn, a);
        double r = 1 / (1 + Math.Exp(-0.35)), n = Math.Tanh(0.4 + r * 0.15);
        Assert.Equal(r, gates.Data[0], 1e-15);
        Assert.Equal(r, gates.Data[1], 1e-15);
        Assert.Equal(0.15, hn.Data[0], 1e-15);
        Assert.Equal((1 - r) * n + r * 0.5, a.Data[0], 1e-15);
    }

    [Fact]
    public void The_lstm_cell_by_hand_on_one_unit()
    {
        // every weight 0.2, biases 0, x = 1, a<0> = 0, c<0> = 2: every pre-activation is 0.2
        var p = new RecurrentParameters(RecurrentCell.Lstm, 1, 1, 0);
        Array.Fill(p.Wax.Data, 0.2);
        Array.Fill(p.Waa.Data, 0.2);
        var gates = new Matrix(4, 1);
        var tanhC = new Matrix(1, 1);
        var c = new Matrix(1, 1);
        var a = new Matrix(1, 1);
        LstmCell.Forward(p, new Matrix(1, 1), new Matrix(1, 1, [2.0]), new Matrix(1, 1, [1.0]), gates, tanhC, c, a);
        double s = 1 / (1 + Math.Exp(-0.2)), g = Math.Tanh(0.2), cell = s * 2.0 + s * g;
        Assert.Equal(cell, c.Data[0], 1e-15);
        Assert.Equal(s * Math.Tanh(cell), a.Data[0], 1e-15);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_cells_backward_step_matches_the_sequence_model_over_one_step(bool lstm)
    {
        var p = RecurrentParameters.Initialize(lstm ? RecurrentCell.Lstm : RecurrentCell.Gru, 3, 5, 4, 3);
        var single = lstm ? (RecurrentLayer)new Lstm(p) : new Gru(p);
        var x = SequenceBatch.Dense([new Matrix(3, 1, [0.3, -1.2, 0.8])]);
        var y = SequenceTargets.ClassIndices([[0]]);
        var cache = single is Lstm l ? l.Forward(x) : ((Gru)single).Forward(x);
        var g = single.Backward(cache, y);
        var da = new Matrix(p.nA, 1);
        Blas.MulAdd(p.Wya.Transpose(), new Matrix(p.nY, 1, Dz(cache, p.nY)), da);
        var dG = new Matrix(p.Gates * p.nA, 1);
        var dGa = new Matrix(p.Gates * p.nA, 1);
        var daPrev = new Matrix(p.nA, 1);
        if (lstm)
        {
            LstmCell.Backward(p, cache.C(0), cache.Gates(1), cache.Extra(1), da, new Matrix(p.nA, 1), dG, daPrev);
        }
        else
        {
            GruCell.Backward(p, cache.A(0), cache.Gates(1), cache.Extra(1), da, dG, dGa, daPrev);
        }
        Approx.Equal(g.dA0.Data, daPrev.Data, 1e-14, "dA0");
        Approx.Equal(g.dBax, dG.Data, 1e-14, "dBax");
    }

    [Theory]
    [InlineData(false, 1)]
    [InlineData(false, 8)]
    [InlineData(true, 1)]
    [InlineData(true, 8)]
    public void Forward_and_backward_allocate_nothing_per_step_once_warm(bool lstm, int m)
    {
        long Bytes(int steps)
        {
            var model = lstm ? (RecurrentLayer)Lstm.Create(11, 16, 11, 1) : Gru.Create(11, 16, 11, 1);
            var random = new Random(2);
            var x = SequenceBatch.OneHot(11, Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(11)).ToArray()).ToArray());
            var y = SequenceTargets.ClassIndices(Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(11)).ToArray()).ToArray());
            RecurrentCache Run(RecurrentCache? c) => model is Lstm l ? l.Forward(x, null, null, c) : ((Gru)model).Forward(x, null, c);
            var cache = Run(null);
            var g = model.Backward(cache, y);
            for (int warm = 0; warm < 3; warm++)
            {
                Run(cache);
                model.Backward(cache, y, null, g);
            }
            long before = GC.GetAllocatedBytesForCurrentThread();
            Run(cache);
            model.Loss(cache, y);
            model.Backward(cache, y, null, g);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }
        long small = Enumerable.Range(0, 3).Min(_ => Bytes(20));
        long large = Enumerable.Range(0, 3).Min(_ => Bytes(120));
        Assert.Equal(small, large); // the per-call cost does not grow with Tx: nothing is allocated per step
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        var gru = Gru.Create(3, 4, 2, 1);
        var lstm = Lstm.Create(3, 4, 2, 1);
        var x = SequenceBatch.OneHot(3, [[0, 1]]);
        var wrongX = SequenceBatch.OneHot(5, [[0, 1]]);
        Assert.Contains("n_x", Assert.Throws<ArgumentException>(() => gru.Forward(wrongX)).Message);
        Assert.Contains("c0", Assert.ThrowsAny<ArgumentException>(() => lstm.Forward(x, null, new Matrix(4, 3))).Message);
        Assert.Contains("G = 4", Assert.Throws<ArgumentException>(() => new Gru(RecurrentParameters.Initialize(RecurrentCell.Lstm, 3, 4, 2, 1))).Message);
        var p4 = lstm.Parameters;
        var one = new Matrix(4, 1);
        Assert.Contains("dc", Assert.ThrowsAny<ArgumentException>(() =>
            LstmCell.Backward(p4, one, new Matrix(16, 1), one, one, new Matrix(3, 1), new Matrix(16, 1), one)).Message);
        Assert.Contains("da", Assert.ThrowsAny<ArgumentException>(() =>
            GruCell.Backward(gru.Parameters, one, new Matrix(12, 1), one, new Matrix(4, 2), new Matrix(12, 1), new Matrix(12, 1), one)).Message);
        lstm.Parameters.Waa[0, 0] = double.NaN;
        Assert.Contains("Waa", Assert.Throws<NonFiniteException>(() => lstm.Forward(x)).Message);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(4)]
    public void Gated_parameters_round_trip_through_safetensors_and_train_with_adam(int gates)
    {
        var p = RecurrentParameters.Initialize(RecurrentLayers.CellWithGates(gates), 5, 6, 3, 9);
        using var folder = new TemporaryFolder("gated");
        Directory.CreateDirectory(folder.Path);
        string path = System.IO.Path.Combine(folder.Path, "gated.safetensors");
        p.Save(path, "layer");
        var loaded = new RecurrentParameters(RecurrentLayers.CellWithGates(gates), 5, 6, 3);
        loaded.LoadFrom(SafeTensors.Read(path), "layer");
        Assert.All(p.Tensors.Zip(loaded.Tensors), pair => Assert.Equal(pair.First.Values, pair.Second.Values));

        // One Adam step on the gradients lowers the loss of a fixed batch.
        RecurrentLayer model = gates == 3 ? new Gru(loaded) : new Lstm(loaded);
        var x = SequenceBatch.OneHot(5, [[0, 1], [2, 3], [4, 0]]);
        var y = SequenceTargets.ClassIndices([[0, 1], [2, 0], [1, 2]]);
        var (before, g) = model.LossAndGradients(x, y);
        new Adam(0.01).Step(model.Parameters.Tensors, g.Tensors);
        Assert.True(model.LossAndGradients(x, y).Loss < before);
    }

    private static double[] Dz(RecurrentCache cache, int nY)
    {
        var dz = (double[])cache.YHat(1).Data.Clone();
        dz[0] -= 1.0; // softmax + cross-entropy with class 0
        return dz;
    }
}
