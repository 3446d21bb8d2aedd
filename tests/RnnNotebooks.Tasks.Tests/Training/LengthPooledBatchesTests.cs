using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Training;

/// <summary>The epoch's minibatches of sequences of different lengths: every example once, pools sorted, seeded.</summary>
public sealed class LengthPooledBatchesTests
{
    private static readonly int[] Lengths = Enumerable.Range(0, 100).Select(i => 1 + (i * 37 % 23)).ToArray();

    [Fact]
    public void Every_example_is_in_one_minibatch_of_at_most_m_and_each_pool_is_sorted_by_length()
    {
        var batches = LengthPooledBatches.Indices(Lengths.Length, i => Lengths[i], batchSize: 4, new Random(3));

        Assert.Equal(Enumerable.Range(0, 100), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 4));
        Assert.Equal(25, batches.Length); // 100 = 3 pools of 32 (8 batches of 4) and one of 4
        Assert.All(batches, b => Assert.Equal(b.Select(i => Lengths[i]).Order(), b.Select(i => Lengths[i])));
        double spread = batches.Average(b => b.Max(i => Lengths[i]) - b.Min(i => Lengths[i]));
        Assert.True(spread < 6, $"a batch spans {spread:F1} lengths on average; 4 examples drawn at random from 23 lengths span about 14");
    }

    [Fact]
    public void The_same_seed_gives_the_same_minibatches_and_another_seed_others()
    {
        int[][] Of(int seed) => LengthPooledBatches.Indices(Lengths.Length, i => Lengths[i], 8, new Random(seed));

        Assert.Equal(Of(1), Of(1));
        Assert.NotEqual(Of(1), Of(2));
    }

    [Fact]
    public void A_batch_size_of_zero_is_refused_by_name()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => LengthPooledBatches.Indices(3, i => i, 0, new Random(1)));
        Assert.Equal("batchSize", e.ParamName);
    }
}
