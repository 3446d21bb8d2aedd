using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The time loops allocate nothing: doubling Tx with a reused cache adds zero bytes.</summary>
public class AllocationTests
{
    /// <summary>
    /// The fewest bytes of three runs: a one-time allocation of the runtime (a lazily built table, a buffer rented for the
    /// first time) then counts in no run, while anything allocated per time step counts in every one.
    /// </summary>
    private static long Fewest(Func<long> run) => Math.Min(run(), Math.Min(run(), run()));

    private static long BytesFor(int tx, int m, bool oneHot)
    {
        var problem = new RandomProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 5, NA: 16, NY: 5, T: tx, M: m,
            OneHot: oneHot, Masked: false, RandomA0: false, Seed: 1);
        var model = problem.Model;
        var (x, y) = (problem.X, problem.Y);
        var cache = model.Forward(x);
        var gradients = model.Backward(cache, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.Forward(x, null, cache);
        model.Loss(cache, y);
        model.Backward(cache, y, null, gradients);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(8, true)]
    [InlineData(32, true)]
    [InlineData(4, false)]
    public void Forward_loss_and_backward_allocate_nothing_per_time_step(int m, bool oneHot)
    {
        BytesFor(10, m, oneHot); // warm up the JIT
        long shortRun = Fewest(() => BytesFor(50, m, oneHot));
        long longRun = Fewest(() => BytesFor(100, m, oneHot));
        Assert.Equal(shortRun, longRun);
    }

    private static long TaggerBytesFor(int tx, int m, RecurrentCell cell)
    {
        var problem = new TaggingProblem(G1: Activation.Tanh, G2: Activation.Softmax, NX: 9, NA: 8, NY: 5, T: tx, M: m, OneHot: true, Seed: 1);
        var embedding = Embedding.Create(V: 9, nE: 4, seed: 1);
        var model = BidirectionalRnn.Create(nX: 4, nA: 8, nY: 5, seed: 2, cell: cell);
        var (tokens, y, lengths) = (problem.X, problem.Y, problem.Lengths);
        var x = embedding.Forward(tokens);
        var cache = model.Forward(x, lengths);
        var gradients = model.Backward(cache, y, computeDX: true);
        embedding.Backward(tokens, gradients.dX!);
        long before = GC.GetAllocatedBytesForCurrentThread();
        embedding.Forward(tokens, x);
        model.Forward(x, lengths, cache);
        model.Loss(cache, y);
        model.Backward(cache, y, computeDX: true, gradients: gradients);
        embedding.Backward(tokens, gradients.dX!);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(1, RecurrentCell.Rnn)]
    [InlineData(6, RecurrentCell.Rnn)]
    [InlineData(6, RecurrentCell.Gru)]
    [InlineData(6, RecurrentCell.Lstm)]
    public void Embedding_and_bidirectional_rnn_allocate_nothing_per_time_step(int m, RecurrentCell cell)
    {
        TaggerBytesFor(10, m, cell); // warm up the JIT
        long shortRun = Fewest(() => TaggerBytesFor(50, m, cell));
        long longRun = Fewest(() => TaggerBytesFor(100, m, cell));
        Assert.Equal(shortRun, longRun);
    }

    private static long LayerBytesFor(RecurrentCell cell, int tx, int m, bool oneHot)
    {
        var layer = RecurrentLayers.Create(cell, nX: 5, nA: 8, nY: 5, seed: 1);
        var random = new Random(2);
        var tokens = Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(5)).ToArray()).ToArray();
        var x = oneHot
            ? SequenceBatch.OneHot(5, tokens)
            : SequenceBatch.Dense(tokens.Select(step => new Matrix(5, m, Enumerable.Range(0, 5 * m).Select(_ => random.NextDouble() - 0.5).ToArray())).ToList());
        var y = SequenceTargets.ClassIndices(tokens);
        var options = new BackwardOptions { ComputeDX = !oneHot };
        var cache = layer.Forward(x);
        var gradients = layer.Backward(cache, y, options);
        long before = GC.GetAllocatedBytesForCurrentThread();
        layer.Forward(x, null, null, cache);
        layer.Loss(cache, y);
        layer.Backward(cache, y, options, gradients);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn, true)]
    [InlineData(RecurrentCell.Gru, true)]
    [InlineData(RecurrentCell.Lstm, true)]
    [InlineData(RecurrentCell.Gru, false)]
    [InlineData(RecurrentCell.Lstm, false)]
    public void Every_cell_runs_forward_loss_and_backward_with_nothing_allocated_per_time_step(RecurrentCell cell, bool oneHot)
    {
        LayerBytesFor(cell, 10, 4, oneHot); // warm up the JIT
        long shortRun = Fewest(() => LayerBytesFor(cell, 50, 4, oneHot));
        long longRun = Fewest(() => LayerBytesFor(cell, 100, 4, oneHot));
        Assert.Equal(shortRun, longRun);
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn, true)]
    [InlineData(RecurrentCell.Gru, true)]
    [InlineData(RecurrentCell.Lstm, true)]
    [InlineData(RecurrentCell.Lstm, false)]
    public void A_training_pass_on_a_reused_cache_allocates_nothing_at_all(RecurrentCell cell, bool oneHot)
    {
        LayerBytesFor(cell, 10, 4, oneHot); // warm up the JIT
        Assert.Equal(0L, Fewest(() => LayerBytesFor(cell, 50, 4, oneHot))); // not even per pass: the loss's sum takes the steps' arrays, no delegate
    }

    private static long SamplerBytesFor(RecurrentLayer layer, int length)
    {
        var sampler = new Sampler(seed: 3);
        long before = GC.GetAllocatedBytesForCurrentThread();
        sampler.Generate(layer, firstToken: 0, length);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn)]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void The_sampler_allocates_nothing_per_token_but_the_token_itself(RecurrentCell cell)
    {
        var layer = RecurrentLayers.Create(cell, nX: 9, nA: 8, nY: 9, seed: 4);
        SamplerBytesFor(layer, 10); // warm up the JIT
        long shortRun = Fewest(() => SamplerBytesFor(layer, 50));
        long longRun = Fewest(() => SamplerBytesFor(layer, 100));
        Assert.Equal(50 * sizeof(int), longRun - shortRun); // the int[] of sampled tokens grows by 50 ids, nothing else
    }

    private static long AttentionBytesFor(AttentionEncoderDecoder model, int tx, int ty, int m)
    {
        var random = new Random(5);
        int[][] Tokens(int steps, int size) => Enumerable.Range(0, steps).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(size)).ToArray()).ToArray();
        var x = SequenceBatch.OneHot(model.SourceSize, Tokens(tx, model.SourceSize));
        var yIn = SequenceBatch.OneHot(model.TargetSize, Tokens(ty, model.TargetSize));
        var y = SequenceTargets.ClassIndices(Tokens(ty, model.TargetSize));
        model.LossAndGradients(x, yIn, y); // the first step of this Ty makes the model's cache
        long before = GC.GetAllocatedBytesForCurrentThread();
        model.LossAndGradients(x, yIn, y);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn, 1)]
    [InlineData(RecurrentCell.Rnn, 5)]
    [InlineData(RecurrentCell.Gru, 5)]
    [InlineData(RecurrentCell.Lstm, 5)]
    public void The_attention_model_allocates_nothing_per_decoder_or_encoder_time_step_in_training(RecurrentCell cell, int m)
    {
        var model = AttentionEncoderDecoder.Create(nX: 7, nA: 4, nAtt: 5, nY: 6, seed: 3, cell);
        AttentionBytesFor(model, 5, 3, m); // warm up the JIT
        long shortRun = Fewest(() => AttentionBytesFor(model, 6, 4, m));
        Assert.Equal(shortRun, Fewest(() => AttentionBytesFor(model, 6, 12, m)));  // Ty = 4 and 12: the decoder's steps
        Assert.Equal(shortRun, Fewest(() => AttentionBytesFor(model, 18, 4, m)));  // Tx = 6 and 18: the encoder's steps
    }

    private static long DecodeBytesFor(ISequenceToSequence model, int k, int maxLength)
    {
        const int start = 0, end = 3;
        var decoder = new TokenMask(model.Decoder([1, 4, 2, 5, 6]), end); // the end token never written: all maxLength steps run
        long before = GC.GetAllocatedBytesForCurrentThread();
        var outputs = k == 1 ? null : SequenceSearch.Beam(decoder, start, end, maxLength, k);
        var greedy = k == 1 ? SequenceSearch.Greedy(decoder, start, end, maxLength) : null;
        long bytes = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.All(outputs ?? [greedy!], h => Assert.Equal(maxLength, h.Tokens.Count)); // every step ran
        Assert.Equal(k, outputs?.Count ?? 1);
        return bytes;
    }

    public static TheoryData<string, RecurrentCell, int> Decoders()
    {
        var data = new TheoryData<string, RecurrentCell, int>();
        foreach (var kind in new[] { "attention", "plain" })
        {
            foreach (var cell in new[] { RecurrentCell.Rnn, RecurrentCell.Gru, RecurrentCell.Lstm })
            {
                data.Add(kind, cell, 1);
                data.Add(kind, cell, 3);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Decoders))]
    public void Greedy_and_beam_search_allocate_nothing_per_step_but_the_output_and_its_back_pointers(string kind, RecurrentCell cell, int k)
    {
        ISequenceToSequence model = kind == "attention"
            ? AttentionEncoderDecoder.Create(nX: 7, nA: 4, nAtt: 5, nY: 6, seed: 3, cell)
            : EncoderDecoder.Create(nX: 7, nA: 8, nY: 6, seed: 3, cell);
        DecodeBytesFor(model, k, 5); // warm up the JIT
        long shortRun = Fewest(() => DecodeBytesFor(model, k, 10));
        long longRun = Fewest(() => DecodeBytesFor(model, k, 40));
        // 30 more steps: greedy's int[maxLength] of tokens grows by 30 ids; beam's k outputs grow by 30 ids each, and its
        // two int[maxLength k] of back-pointers (parent's rank, token) by 30 k ids each. Nothing else grows with the steps.
        long expected = k == 1 ? 30 * sizeof(int) : (k * 30 + 2 * 30 * k) * sizeof(int);
        Assert.Equal(expected, longRun - shortRun);
    }
}
