using RnnNotebooks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tests;

/// <summary>The learned embedding: values by hand, unknown ids, and gradients end to end through an RNN.</summary>
public class EmbeddingTests(ITestOutputHelper output)
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void Forward_and_backward_of_a_small_case_worked_by_hand()
    {
        // E = [1 2 3; 4 5 6]: n_e = 2, V = 3; column k is token k's vector.
        var embedding = new Embedding(Matrix.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }));
        var tokens = SequenceBatch.OneHot(3, [[2, 0], [1, 1]]);   // t=1: tokens 2, 0; t=2: tokens 1, 1

        var x = embedding.Forward(tokens);

        Assert.Equal(new double[,] { { 3, 1 }, { 6, 4 } }, x.DenseStep(1).ToArray()); // E[:, 2], E[:, 0]
        Assert.Equal(new double[,] { { 2, 2 }, { 5, 5 } }, x.DenseStep(2).ToArray()); // E[:, 1] twice
        Matrix[] dX = [Matrix.FromArray(new double[,] { { 1, 2 }, { 3, 4 } }), Matrix.FromArray(new double[,] { { 10, 20 }, { 30, 40 } })];
        embedding.Backward(tokens, dX);
        // dE[:, 2] = dx<1>[:, 0]; dE[:, 0] = dx<1>[:, 1]; dE[:, 1] = dx<2>[:, 0] + dx<2>[:, 1]
        Assert.Equal(new double[,] { { 2, 30, 1 }, { 4, 70, 3 } }, embedding.dE.ToArray());
        embedding.Backward(tokens, dX, accumulate: true);
        Assert.Equal(new double[,] { { 4, 60, 2 }, { 8, 140, 6 } }, embedding.dE.ToArray());
        embedding.Backward(tokens, dX);
        Assert.Equal(new double[,] { { 2, 30, 1 }, { 4, 70, 3 } }, embedding.dE.ToArray());
    }

    [Fact]
    public void An_unknown_token_id_names_the_id_the_step_and_the_sample()
    {
        var embedding = Embedding.Create(V: 5, nE: 2, seed: 1);
        var tokens = SequenceBatch.OneHot(10, [[1, 2], [3, 8]]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => embedding.Forward(tokens));
        Assert.Contains("token id 8", e.Message);
        Assert.Contains("t=2", e.Message);
        Assert.Contains("sample 1", e.Message);
        Assert.Contains("[0, 5)", e.Message);
        var dense = SequenceBatch.Dense([new Matrix(2, 1)]);
        Assert.Contains("token ids", Assert.Throws<ArgumentException>(() => embedding.Forward(dense)).Message);
        var wrong = Assert.Throws<ArgumentException>(() => embedding.Backward(SequenceBatch.OneHot(5, [[1], [2]]), [new Matrix(2, 1), new Matrix(3, 1)]));
        Assert.Contains("dX<2> (time step t=2) has shape (3, 1); expected (2, 1)", wrong.Message);
    }

    [Fact]
    public void A_reused_output_is_overwritten_and_the_same_seed_gives_the_same_bits()
    {
        var embedding = Embedding.Create(V: 6, nE: 3, seed: 4);
        Assert.Equal(embedding.E.Data, Embedding.Create(V: 6, nE: 3, seed: 4).E.Data);
        var first = embedding.Forward(SequenceBatch.OneHot(6, [[1, 2], [3, 4]]));
        var again = embedding.Forward(SequenceBatch.OneHot(6, [[5, 0], [0, 5]]), first);
        Assert.Same(first, again);
        Assert.Equal(embedding.E.Column(5), again.DenseStep(1).Column(0));
    }

    [Fact]
    public void Embedding_and_rnn_with_a_head_pass_the_gradient_check_end_to_end_and_padding_adds_nothing_to_dE()
    {
        // Token 0 is the padding: it appears only at masked steps, so its column of dE must stay 0.
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 7, NA: 4, NY: 3, T: 6, M: 3, OneHot: true, Seed: 12);
        var embedding = Embedding.Create(V: 7, nE: 3, seed: 2, scale: 0.5);
        var rnn = Rnn.Create(nX: 3, nA: 4, nY: 3, seed: 6, init: WeightInit.Xavier);
        var (tokens, y) = (problem.X, problem.Y);
        double L() => rnn.Loss(rnn.Forward(embedding.Forward(tokens)), y);

        var cache = rnn.Forward(embedding.Forward(tokens));
        var g = rnn.Backward(cache, y, new BackwardOptions { ComputeDX = true });
        embedding.Backward(tokens, g.dX!);
        var results = GradientCheck.Run([.. embedding.Tensors, .. rnn.Parameters.Tensors], [.. embedding.GradientTensors, .. g.Tensors], L);

        Report(results);
        Assert.Equal(["E", "Waa", "Wax", "Wya", "Ba", "By"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, r.ToString()));
        Assert.Contains(problem.Lengths, length => length < problem.T);
        Assert.All(embedding.dE.Column(0), v => Assert.Equal(0.0, v));
        Assert.Contains(embedding.dE.Data, v => v != 0);
    }

    [Fact]
    public void Embedding_and_bidirectional_rnn_pass_the_gradient_check_end_to_end()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 8, NA: 3, NY: 4, T: 5, M: 4, OneHot: true, Seed: 31);
        var embedding = Embedding.Create(V: 8, nE: 3, seed: 2, scale: 0.5);
        var model = BidirectionalRnn.Create(nX: 3, nA: 3, nY: 4, seed: 8, init: WeightInit.Xavier);
        var (tokens, y, lengths) = (problem.X, problem.Y, problem.Lengths);
        double L() => model.Loss(model.Forward(embedding.Forward(tokens), lengths), y);

        var g = model.Backward(model.Forward(embedding.Forward(tokens), lengths), y, computeDX: true);
        embedding.Backward(tokens, g.dX!);
        var results = GradientCheck.Run([.. embedding.Tensors, .. model.Parameters.Tensors], [.. embedding.GradientTensors, .. g.Tensors], L);

        Report(results);
        Assert.Equal(9, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError < Tolerance, r.ToString()));
        Assert.All(embedding.dE.Column(0), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void An_optimiser_trains_embedding_and_bidirectional_rnn_through_one_list_of_views()
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 8, NA: 6, NY: 3, T: 6, M: 4, OneHot: true, Seed: 2);
        var embedding = Embedding.Create(V: 8, nE: 4, seed: 2, scale: 0.5);
        var model = BidirectionalRnn.Create(nX: 4, nA: 6, nY: 3, seed: 8);
        var (tokens, y, lengths) = (problem.X, problem.Y, problem.Lengths);
        var optimizer = new Adam(0.05);
        IReadOnlyList<ParameterView> parameters = [.. embedding.Tensors, .. model.Parameters.Tensors];
        BidirectionalRnnCache? cache = null;
        BidirectionalRnnGradients? g = null;
        SequenceBatch? x = null;
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            x = embedding.Forward(tokens, x);
            cache = model.Forward(x, lengths, cache);
            last = model.Loss(cache, y);
            first = step == 0 ? last : first;
            g = model.Backward(cache, y, computeDX: true, gradients: g);
            embedding.Backward(tokens, g.dX!);
            IReadOnlyList<ParameterView> gradients = [.. embedding.GradientTensors, .. g.Tensors];
            GradientClipping.ByGlobalNorm(gradients, 5);
            optimizer.Step(parameters, gradients);
        }
        output.WriteLine($"loss {first:G4} -> {last:G4}");
        Assert.True(last < 0.1 * first, $"loss {first} -> {last}");
    }

    private void Report(IEnumerable<GradientCheckResult> results)
    {
        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-14} relative error {r.RelativeError:G2}");
        }
    }
}
