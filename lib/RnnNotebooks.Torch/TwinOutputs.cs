namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass of a recurrent layer of any cell (RNN, GRU, LSTM) as plain arrays in the core's layout
/// (row-major, batch last), so that the core and a TorchSharp twin compare element by element.
/// </summary>
/// <param name="A">a&lt;t&gt; at [t - 1] for t = 1 .. Tx, each (n_a, m).</param>
/// <param name="C">c&lt;t&gt; at [t - 1], each (n_a, m), for an LSTM; null for a cell without a cell state.</param>
/// <param name="YHat">yHat&lt;t&gt; at [t - 1], each (n_y, m).</param>
/// <param name="Loss">L = sum over t and j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</param>
/// <param name="Gradients">
/// The parameter gradients named and ordered as the core's <see cref="RecurrentGradients.Tensors"/>: the RNN's dWaa, dWax,
/// dWya, dBa, dBy; a GRU's or LSTM's dWax, dWaa, dBax, dBaa, dWya, dBy (G n_a rows for G gates).
/// </param>
/// <param name="dA0">dL/da&lt;0&gt;, (n_a, m).</param>
/// <param name="dC0">dL/dc&lt;0&gt;, (n_a, m), for an LSTM; null otherwise.</param>
/// <param name="dX">dL/dx&lt;t&gt; at [t - 1], each (n_x, m), for dense inputs; null for one-hot inputs.</param>
public sealed record TwinOutputs(
    double[][] A,
    double[][]? C,
    double[][] YHat,
    double Loss,
    IReadOnlyList<(string Name, double[] Values)> Gradients,
    double[] dA0,
    double[]? dC0,
    double[][]? dX)
{
    /// <summary>The core's own pass: <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>, <see cref="RecurrentLayer.Loss"/>, <see cref="RecurrentLayer.Backward"/> (with dX for dense inputs).</summary>
    /// <param name="model">The from-scratch layer: RNN, GRU or LSTM, with an output layer.</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense, (n_x, m) each.</param>
    /// <param name="y">Targets and optional per-step weights.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM only), (n_a, m); null for zeros.</param>
    public static TwinOutputs FromCore(RecurrentLayer model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var cache = model.Forward(x, a0, c0);
        double loss = model.Loss(cache, y);
        var g = model.Backward(cache, y, new BackwardOptions { ComputeDX = !x.IsOneHot });
        double[][] Steps(Func<int, Matrix> step) => Enumerable.Range(1, x.Length).Select(t => Copy(step(t))).ToArray();
        return new TwinOutputs(Steps(cache.A), model.HasCell ? Steps(cache.C) : null, Steps(cache.YHat), loss, Named(g),
            Copy(g.dA0), g.dC0 is null ? null : Copy(g.dC0), g.dX?.Select(Copy).ToArray());
    }

    /// <summary>Copies of the parameter gradients of <paramref name="g"/>, by the core's names and in its order.</summary>
    public static IReadOnlyList<(string Name, double[] Values)> Named(RecurrentGradients g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return g.Tensors.Select(v => (v.Name, (double[])v.Values.Clone())).ToList();
    }

    /// <summary>
    /// Every quantity by name, flattened: a, then c when present, yHat, L, the gradients (<see cref="Gradients"/>' names),
    /// dA0, then dC0 and dX when present.
    /// </summary>
    public IReadOnlyList<(string Name, double[] Values)> Quantities()
    {
        var list = new List<(string, double[])> { ("a", Flat(A)) };
        if (C is not null)
        {
            list.Add(("c", Flat(C)));
        }
        list.Add(("yHat", Flat(YHat)));
        list.Add(("L", [Loss]));
        list.AddRange(Gradients);
        list.Add(("dA0", dA0));
        if (dC0 is not null)
        {
            list.Add(("dC0", dC0));
        }
        if (dX is not null)
        {
            list.Add(("dX", Flat(dX)));
        }
        return list;
    }

    private static double[] Flat(double[][] steps) => steps.SelectMany(v => v).ToArray();

    private static double[] Copy(Matrix m) => (double[])m.Data.Clone();
}
