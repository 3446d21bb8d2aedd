namespace RnnNotebooks;

/// <summary>
/// The training loop: forward, loss, BPTT (full or truncated), clipping, optimiser update, and a report
/// to a callback after every update. A loss or gradient that becomes NaN or infinite stops training with
/// a <see cref="NonFiniteException"/> that names the step, instead of carrying on with garbage.
/// It trains any <see cref="RecurrentLayer"/>: <see cref="Rnn"/>, <see cref="Gru"/> or <see cref="Lstm"/>; under
/// truncation it carries a&lt;k&gt; (and the LSTM's c&lt;k&gt;) from chunk to chunk.
/// </summary>
public sealed class Trainer
{
    private RecurrentCache? cache;
    private RecurrentGradients? gradients;
    private double lastFiniteLoss = double.NaN;

    /// <summary>A trainer that updates <paramref name="model"/>'s parameters in place.</summary>
    public Trainer(Rnn model, IOptimizer optimizer, TrainerOptions? options = null)
        : this((RecurrentLayer)model, optimizer, options)
    {
    }

    /// <summary>A trainer that updates the parameters of <paramref name="layer"/> (an RNN, GRU or LSTM) in place.</summary>
    public Trainer(RecurrentLayer layer, IOptimizer optimizer, TrainerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(optimizer);
        Layer = layer;
        Optimizer = optimizer;
        Options = options ?? new TrainerOptions();
        if (Options.TruncateAfter is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), Options.TruncateAfter, "TruncateAfter (k) must be >= 1.");
        }
    }


    /// <summary>The layer being trained: an RNN, GRU or LSTM.</summary>
    public RecurrentLayer Layer { get; }

    /// <summary>The optimiser.</summary>
    public IOptimizer Optimizer { get; }

    /// <summary>Clipping and truncation settings.</summary>
    public TrainerOptions Options { get; }

    /// <summary>Updates made so far.</summary>
    public int Steps { get; private set; }

    /// <summary>a&lt;Tx&gt; of the last batch, shape (n_a, m): pass it as a0 to continue a long text (min-char-rnn's hprev).</summary>
    public Matrix? LastState { get; private set; }

    /// <summary>c&lt;Tx&gt; of the last batch, shape (n_a, m), for an LSTM (pass it as c0 with <see cref="LastState"/>); null for other cells.</summary>
    public Matrix? LastCellState { get; private set; }

    /// <summary>Trains on one batch; under truncation, makes one update per chunk of k steps.</summary>
    /// <param name="x">Inputs, Tx steps of m samples.</param>
    /// <param name="y">Targets, Ty = Tx.</param>
    /// <param name="a0">a&lt;0&gt; (n_a, m); null for zeros.</param>
    /// <returns>The loss of the batch before the update(s).</returns>
    public double Step(SequenceBatch x, SequenceTargets y, Matrix? a0 = null) => Step(x, y, a0, null, 1, 1, null);

    /// <summary>Trains an LSTM on one batch from (a&lt;0&gt;, c&lt;0&gt;); under truncation, makes one update per chunk of k steps.</summary>
    /// <param name="x">Inputs, Tx steps of m samples.</param>
    /// <param name="y">Targets, Ty = Tx.</param>
    /// <param name="a0">a&lt;0&gt; (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (n_a, m); null for zeros. Only an LSTM takes it.</param>
    /// <returns>The loss of the batch before the update(s).</returns>
    public double Step(SequenceBatch x, SequenceTargets y, Matrix? a0, Matrix? c0) => Step(x, y, a0, c0, 1, 1, null);

    /// <summary>
    /// Trains for <paramref name="epochs"/> passes over <paramref name="batches"/> and calls
    /// <paramref name="onStep"/> after every update.
    /// </summary>
    /// <returns>The loss of every batch, in order.</returns>
    public IReadOnlyList<double> Fit(IReadOnlyList<(SequenceBatch X, SequenceTargets Y)> batches, int epochs,
        Action<TrainingProgress>? onStep = null)
    {
        ArgumentNullException.ThrowIfNull(batches);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(epochs);
        var losses = new List<double>(batches.Count * epochs);
        for (int epoch = 1; epoch <= epochs; epoch++)
        {
            for (int b = 0; b < batches.Count; b++)
            {
                losses.Add(Step(batches[b].X, batches[b].Y, null, null, epoch, b + 1, onStep));
            }
        }
        return losses;
    }

    private double Step(SequenceBatch x, SequenceTargets y, Matrix? a0, Matrix? c0, int epoch, int batch, Action<TrainingProgress>? onStep)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        int k = Options.TruncateAfter ?? x.Length;
        double loss = 0, norm = 0;
        var (a, c) = (a0, c0);
        for (int start = 1; start <= x.Length; start += k)
        {
            int length = Math.Min(k, x.Length - start + 1);
            bool whole = length == x.Length;
            var (chunkLoss, chunkNorm) = Update(whole ? x : x.Slice(start, length), whole ? y : y.Slice(start, length), a, c, epoch, batch);
            loss += chunkLoss;
            norm = chunkNorm;
            a = cache!.Last.Clone();          // carry a<k> into the next chunk, cut from the graph
            c = cache.LastCell?.Clone();      // and the LSTM's c<k>
        }
        LastState = a;
        LastCellState = c;
        lastFiniteLoss = loss;
        onStep?.Invoke(new TrainingProgress(Steps, epoch, batch, loss, norm));
        return loss;
    }

    private (double Loss, double Norm) Update(SequenceBatch x, SequenceTargets y, Matrix? a0, Matrix? c0, int epoch, int batch)
    {
        double loss;
        try
        {
            cache = Layer.Forward(x, a0, c0, cache);
            loss = Layer.Loss(cache, y);
        }
        catch (NonFiniteException e)
        {
            throw Diverged(e.Quantity, e.TimeStep, e.Message, epoch, batch);
        }
        gradients = Layer.Backward(cache, y, null, gradients);
        var views = gradients.Tensors;
        double norm = GradientClipping.GlobalNorm(views);
        if (!double.IsFinite(norm))
        {
            throw Diverged("gradient", null, $"the gradient norm is {norm}.", epoch, batch);
        }
        if (Options.ClipValue is double clipValue)
        {
            GradientClipping.ByValue(views, clipValue);
        }
        if (Options.ClipNorm is double clipNorm)
        {
            GradientClipping.ByGlobalNorm(views, clipNorm);
        }
        Optimizer.Step(Layer.Parameters.Tensors, views);
        Steps++;
        return (loss, norm);
    }

    private NonFiniteException Diverged(string quantity, int? timeStep, string detail, int epoch, int batch) =>
        new(quantity, timeStep,
            $"Training stopped at update {Steps + 1} (epoch {epoch}, batch {batch}): {detail} " +
            $"Last finite batch loss: {lastFiniteLoss:G6}. Lower the learning rate or clip gradients (TrainerOptions.ClipNorm).");
}
