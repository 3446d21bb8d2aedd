namespace RnnNotebooks.Tasks;

/// <summary>
/// The minibatches of one epoch for sequences of different lengths: the examples shuffled, each pool of 8 minibatches'
/// worth sorted by length (stably) and cut into minibatches, then the minibatches shuffled. A minibatch holds sequences of
/// similar length, so little of it is padding (which costs time but changes nothing else), and the order of the
/// minibatches stays random. Both shuffles draw from the run's one seeded generator: the same seed gives the same batches.
/// </summary>
public static class LengthPooledBatches
{
    /// <summary>How many minibatches' worth of examples are sorted by length together.</summary>
    public const int PoolBatches = 8;

    /// <summary>The epoch's minibatches as indices into the examples.</summary>
    /// <param name="count">How many examples there are.</param>
    /// <param name="length">The length of example i.</param>
    /// <param name="batchSize">m; the last minibatch of a pool may be smaller.</param>
    /// <param name="random">The run's generator (advanced by two shuffles).</param>
    public static int[][] Indices(int count, Func<int, int> length, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(length);
        ArgumentNullException.ThrowIfNull(random);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        var batches = order.Chunk(batchSize * PoolBatches)
            .SelectMany(pool => pool.OrderBy(length).Chunk(batchSize))
            .ToArray();
        random.Shuffle(batches);
        return batches;
    }
}
