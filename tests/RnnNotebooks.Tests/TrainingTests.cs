using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class TrainingTests
{
    /// <summary>A tiny character task: predict the next letter of "hello world " repeated.</summary>
    internal static (SequenceBatch X, SequenceTargets Y, int Vocabulary) HelloWorld()
    {
        const string text = "hello world hello world ";
        var vocabulary = text.Distinct().OrderBy(c => c).ToList();
        int[] ids = text.Select(c => vocabulary.IndexOf(c)).ToArray();
        return (SequenceBatch.OneHot(vocabulary.Count, ids[..^1]), SequenceTargets.ClassIndices(ids[1..]), vocabulary.Count);
    }

    private static double[] Train(int seed, int updates, TrainerOptions? options = null)
    {
        var (x, y, v) = HelloWorld();
        var model = Rnn.Create(v, 16, v, seed);
        var trainer = new Trainer(model, new Adam(0.02), options);
        return Enumerable.Range(0, updates).Select(_ => trainer.Step(x, y)).ToArray();
    }

    [Fact]
    public void Same_seed_gives_the_same_bits()
    {
        var first = Train(seed: 7, updates: 60);
        var second = Train(seed: 7, updates: 60);
        Assert.Equal(first.Select(BitConverter.DoubleToInt64Bits), second.Select(BitConverter.DoubleToInt64Bits));
        var other = Train(seed: 8, updates: 60);
        Assert.NotEqual(first[^1], other[^1]);
    }

    [Fact]
    public void A_small_model_learns_hello_world()
    {
        var losses = Train(seed: 7, updates: 200);
        // 23 steps; an untrained model pays about ln(8) = 2.08 per step, a perfect one 0.
        Assert.InRange(losses[0], 23 * 1.7, 23 * 2.5);
        Assert.True(losses[^1] < 0.05 * losses[0], $"final loss {losses[^1]:G4} vs initial {losses[0]:G4}");
    }

    [Fact]
    public void Training_reports_every_update_to_the_callback()
    {
        var (x, y, v) = HelloWorld();
        var trainer = new Trainer(Rnn.Create(v, 8, v, 1), new Sgd(0.1, 0.9), new TrainerOptions { ClipNorm = 5 });
        var seen = new List<TrainingProgress>();
        var losses = trainer.Fit([(x, y), (x, y)], epochs: 3, seen.Add);
        Assert.Equal(6, seen.Count);
        Assert.Equal([1, 2, 3, 4, 5, 6], seen.Select(p => p.Step));
        Assert.Equal([1, 1, 2, 2, 3, 3], seen.Select(p => p.Epoch));
        Assert.Equal([1, 2, 1, 2, 1, 2], seen.Select(p => p.Batch));
        Assert.Equal(losses, seen.Select(p => p.Loss));
        Assert.All(seen, p => Assert.True(p.GradientNorm > 0));
    }

    [Fact]
    public void Truncated_bptt_with_k_at_least_T_is_full_bptt()
    {
        var full = Train(seed: 3, updates: 20);
        var truncated = Train(seed: 3, updates: 20, new TrainerOptions { TruncateAfter = 23 });
        Assert.Equal(full, truncated);
    }

    [Fact]
    public void Truncated_bptt_updates_once_per_chunk_and_carries_the_state()
    {
        var (x, y, v) = HelloWorld();
        var model = Rnn.Create(v, 8, v, 4);
        var reference = new Rnn(model.Parameters.Clone(), model.G1, model.G2);
        var trainer = new Trainer(model, new Sgd(0.1), new TrainerOptions { TruncateAfter = 10 });
        double loss = trainer.Step(x, y);
        Assert.Equal(3, trainer.Steps); // 23 steps in chunks of 10, 10, 3

        // By hand: chunk 1 from a<0> = 0, update; chunk 2 from chunk 1's last a (under the updated weights:
        // the state was computed before the update), update; chunk 3 likewise.
        var sgd = new Sgd(0.1);
        Matrix? a = null;
        double expected = 0;
        foreach (var (start, length) in new[] { (1, 10), (11, 10), (21, 3) })
        {
            var cache = reference.Forward(x.Slice(start, length), a);
            expected += reference.Loss(cache, y.Slice(start, length));
            var g = reference.Backward(cache, y.Slice(start, length));
            a = cache.Last.Clone();
            sgd.Step(reference.Parameters.Tensors, g.Tensors);
        }
        Assert.Equal(expected, loss, 12);
        Approx.Equal(expected: reference.Parameters.Waa.Data, actual: model.Parameters.Waa.Data, tolerance: 1e-14, what: "Waa");
        Approx.Equal(expected: a!.Data, actual: trainer.LastState!.Data, tolerance: 1e-14, what: "a<T>");
    }

    [Fact]
    public void Masked_steps_contribute_nothing()
    {
        var model = Rnn.Create(5, 6, 5, seed: 2);
        var x = SequenceBatch.OneHotPadded(5, [[1, 2, 3, 4], [2, 3]], padToken: 0);
        int[][] classes = [[2, 3], [3, 4], [4, 0], [0, 0]];
        var masked = SequenceTargets.ClassIndices(classes, SequenceTargets.Mask([4, 2], 4));
        var cache = model.Forward(x);
        double[] steps = model.StepLosses(cache, masked);
        // Sample 1 has length 2: changing its targets at t = 3, 4 changes nothing.
        int[][] other = [[2, 3], [3, 4], [4, 1], [0, 2]];
        Assert.Equal(steps, model.StepLosses(cache, SequenceTargets.ClassIndices(other, SequenceTargets.Mask([4, 2], 4))));
        var g1 = model.Backward(cache, masked).dWaa.Data.ToArray();
        var g2 = model.Backward(cache, SequenceTargets.ClassIndices(other, SequenceTargets.Mask([4, 2], 4))).dWaa.Data;
        Assert.Equal(g1, g2);
    }

    [Fact]
    public void Last_step_only_is_a_many_to_one_loss()
    {
        var model = Rnn.Create(5, 6, 2, seed: 2);
        var x = SequenceBatch.OneHotPadded(5, [[1, 2, 3], [2, 3]], padToken: 0);
        int[][] classes = [[0, 0], [0, 1], [1, 0]];
        var y = SequenceTargets.ClassIndices(classes, SequenceTargets.LastStepOnly([3, 2], 3));
        var cache = model.Forward(x);
        double[] steps = model.StepLosses(cache, y);
        Assert.Equal(0.0, steps[0]);
        // t=2 holds sample 1's loss alone, t=3 sample 0's alone: -log yHat of the class
        Assert.Equal(-Math.Log(cache.YHat(2)[1, 1]), steps[1], 12);
        Assert.Equal(-Math.Log(cache.YHat(3)[1, 0]), steps[2], 12);
    }
}
