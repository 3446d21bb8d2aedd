using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>What every TorchSharp application model has: its module, the device it runs on, its size, and the end of its life.</summary>
/// <typeparam name="TModule">The nn.Module subclass.</typeparam>
public abstract class TorchApplicationModel<TModule> : IDisposable where TModule : nn.Module
{
    /// <summary>How many sequences prediction and scoring put in one batch.</summary>
    protected const int PredictionBatch = 64;

    /// <summary>Takes over <paramref name="module"/>, already moved to <paramref name="device"/>.</summary>
    /// <param name="module">The module.</param>
    /// <param name="device">Its device.</param>
    protected TorchApplicationModel(TModule module, Device device)
    {
        Module = module;
        Device = device;
    }

    /// <summary>The module, e.g. to save its state_dict.</summary>
    public TModule Module { get; }

    /// <summary>The device the module and every batch live on.</summary>
    public Device Device { get; }

    /// <summary>The number of scalar parameters.</summary>
    public long ParameterCount => Module.parameters().Sum(p => p.numel());

    /// <summary>
    /// One pass over <paramref name="batches"/>, the TorchSharp training step each time: zero_grad, forward and loss,
    /// backward (autograd), clip_grad_norm_, step.
    /// </summary>
    /// <typeparam name="TBatch">What one minibatch is.</typeparam>
    /// <param name="batches">The minibatches of the epoch.</param>
    /// <param name="optimizer">The optimiser over <see cref="Module"/>'s parameters.</param>
    /// <param name="clipNorm">The largest global norm of the gradients before a step.</param>
    /// <param name="loss">The batch's mean loss (a scalar tensor with its graph) and the weight of that mean in the epoch's
    /// (its number of target tokens, or 1 for a mean over batches).</param>
    /// <returns>The weighted mean of the batch losses.</returns>
    protected double TrainEpoch<TBatch>(IEnumerable<TBatch> batches, optim.Optimizer optimizer, double clipNorm, Func<TBatch, (Tensor Loss, int Weight)> loss)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentNullException.ThrowIfNull(optimizer);
        Module.train();
        double total = 0, weights = 0;
        foreach (var batch in batches)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var (batchLoss, weight) = loss(batch);
            batchLoss.backward();                                                   // autograd: every gradient of the batch loss
            nn.utils.clip_grad_norm_(Module.parameters(), clipNorm);
            optimizer.step();
            total += batchLoss.item<float>() * weight;
            weights += weight;
        }
        return total / weights;
    }

    /// <summary>The items in a shuffled order, cut into minibatches of <paramref name="batchSize"/> (the last may be smaller).</summary>
    /// <param name="items">The training items.</param>
    /// <param name="batchSize">m.</param>
    /// <param name="random">The run's seeded generator.</param>
    /// <exception cref="ArgumentException">There is no item.</exception>
    protected static List<List<T>> Shuffled<T>(IReadOnlyList<T> items, int batchSize, Random random)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(random);
        if (items.Count == 0)
        {
            throw new ArgumentException("no training items: the training set is empty.", nameof(items));
        }
        var order = Enumerable.Range(0, items.Count).OrderBy(_ => random.Next()).ToArray();
        return order.Chunk(batchSize).Select(batch => batch.Select(i => items[i]).ToList()).ToList();
    }

    /// <summary>Frees the module.</summary>
    public void Dispose()
    {
        Module.Dispose();
        GC.SuppressFinalize(this);
    }
}
