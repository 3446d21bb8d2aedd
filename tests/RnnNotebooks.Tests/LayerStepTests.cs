namespace RnnNotebooks.Tests;

/// <summary>
/// <see cref="RecurrentLayer.Step"/>, what decoders and samplers call: the same bits as a step of the forward pass, for
/// every cell, with dense or token input, no allocation per step, and clear errors for what does not fit.
/// </summary>
public class LayerStepTests
{
    public static TheoryData<RecurrentCell> Cells => [RecurrentCell.Rnn, RecurrentCell.Gru, RecurrentCell.Lstm];

    private static int[][] Tokens(int steps, int m, int vocabulary, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(vocabulary)).ToArray()).ToArray();
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Stepping_gives_the_bits_of_the_forward_pass(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 7, nA: 6, nY: 7, seed: 3);
        var tokens = Tokens(9, 3, 7, seed: 4);
        var a0 = new Matrix(6, 3, Enumerable.Range(0, 18).Select(i => Math.Sin(i) / 2).ToArray());
        var c0 = cell == RecurrentCell.Lstm ? new Matrix(6, 3, Enumerable.Range(0, 18).Select(i => Math.Cos(i)).ToArray()) : null;
        var cache = layer.Forward(SequenceBatch.OneHot(7, tokens), a0, c0);
        var state = layer.NewState(3);
        state.Reset(a0, c0);
        var (logits, yHat) = (new Matrix(7, 3), new Matrix(7, 3));
        for (int t = 1; t <= tokens.Length; t++)
        {
            layer.Step(new StepInput(tokens[t - 1]), state);
            layer.Output(state.A, logits, yHat);
            Assert.Equal(cache.A(t).Data, state.A.Data);       // bit for bit, not within a tolerance
            Assert.Equal(cache.YHat(t).Data, yHat.Data);
            if (cell == RecurrentCell.Lstm)
            {
                Assert.Equal(cache.C(t).Data, state.C!.Data);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Dense_steps_give_the_bits_of_a_dense_forward_pass(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 4, nA: 5, nY: 2, seed: 8);
        var random = new Random(9);
        var x = Enumerable.Range(0, 6).Select(_ => new Matrix(4, 2, Enumerable.Range(0, 8).Select(_ => random.NextDouble() - 0.5).ToArray())).ToList();
        var cache = layer.Forward(SequenceBatch.Dense(x));
        var state = layer.NewState(2);
        for (int t = 1; t <= x.Count; t++)
        {
            layer.Step(new StepInput(x[t - 1]), state);
            Assert.Equal(cache.A(t).Data, state.A.Data);
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_step_and_its_output_allocate_nothing(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 11, nA: 16, nY: 11, seed: 1);
        var state = layer.NewState(4);
        var (logits, yHat) = (new Matrix(11, 4), new Matrix(11, 4));
        int[] tokens = [1, 5, 7, 10];
        void Steps(int count)
        {
            for (int k = 0; k < count; k++)
            {
                layer.Step(new StepInput(tokens), state);
                layer.Output(state.A, logits, yHat);
            }
        }
        Steps(3); // warm up the JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        Steps(100);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_sampler_steps_any_cell_and_matches_stepping_by_hand(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 6, nA: 5, nY: 6, seed: 2);
        var sampled = new Sampler(seed: 3).Generate(layer, firstToken: 0, length: 12);
        var byHand = new Sampler(seed: 3);
        var state = layer.NewState();
        var (logits, yHat) = (new Matrix(6, 1), new Matrix(6, 1));
        int token = 0;
        foreach (int expected in sampled)
        {
            layer.Step(new StepInput([token]), state);
            layer.Output(state.A, logits, yHat);
            token = byHand.SampleLogits(logits.Data, 1.0);
            Assert.Equal(expected, token);
        }
    }

    [Fact]
    public void What_does_not_fit_is_named()
    {
        var lstm = RecurrentLayers.Create(RecurrentCell.Lstm, nX: 4, nA: 3, nY: 2, seed: 1);
        var gru = RecurrentLayers.Create(RecurrentCell.Gru, nX: 4, nA: 3, nY: 2, seed: 1);
        var state = lstm.NewState(2);
        Assert.Contains("[0, n_x) = [0, 4)", Assert.Throws<ArgumentOutOfRangeException>(() => lstm.Step(new StepInput([1, 4]), state)).Message);
        Assert.Contains("m = 2", Assert.Throws<ArgumentException>(() => lstm.Step(new StepInput([1]), state)).Message);
        Assert.Contains("(n_x, m)", Assert.Throws<ArgumentException>(() => lstm.Step(new StepInput(new Matrix(5, 2)), state)).Message);
        Assert.Equal("state", Assert.Throws<ArgumentException>(() => gru.Step(new StepInput([1, 2]), state)).ParamName);
        Assert.Equal("c0", Assert.Throws<ArgumentException>(() => gru.NewState(2).Reset(null, new Matrix(3, 2))).ParamName);
        Assert.Contains("(n_a, m)", Assert.Throws<ArgumentException>(() => state.Reset(new Matrix(3, 1))).Message);
    }
}
