namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass of a GRU or LSTM as plain arrays in the core's layout (row-major, batch last), so
/// that the core's <see cref="RecurrentLayer"/> and TorchSharp's <c>nn.GRU</c> / <c>nn.LSTM</c> compare element by element.
/// </summary>
/// <param name="YHat">yHat&lt;t&gt; at [t - 1], each (n_y, m).</param>
/// <param name="Loss">L.</param>
/// <param name="dWax">dL/dWax = dL/d weight_ih_l0, (G n_a, n_x).</param>
/// <param name="dWaa">dL/dWaa = dL/d weight_hh_l0, (G n_a, n_a).</param>
/// <param name="dBax">dL/dbax = dL/d bias_ih_l0, (G n_a).</param>
/// <param name="dBaa">dL/dbaa = dL/d bias_hh_l0, (G n_a).</param>
/// <param name="dWya">dL/dWya, (n_y, n_a).</param>
/// <param name="dBy">dL/dby, (n_y).</param>
/// <param name="dA0">dL/da&lt;0&gt;, (n_a, m).</param>
/// <param name="dC0">dL/dc&lt;0&gt;, (n_a, m), for an LSTM; null for a GRU.</param>
/// <param name="dX">dL/dx&lt;t&gt; at [t - 1], each (n_x, m), for dense inputs; null for one-hot inputs.</param>
public sealed record GatedOutputs(
    double[][] YHat,
    double Loss,
    double[] dWax,
    double[] dWaa,
    double[] dBax,
    double[] dBaa,
    double[] dWya,
    double[] dBy,
    double[] dA0,
    double[]? dC0,
    double[][]? dX)
{
    /// <summary>The core's own pass: Forward, Loss, Backward (with dX for dense inputs).</summary>
    /// <param name="model">The core GRU or LSTM.</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense.</param>
    /// <param name="y">Targets and optional per-step weights.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM only), (n_a, m); null for zeros.</param>
    public static GatedOutputs FromCore(RecurrentLayer model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var cache = model switch
        {
            Lstm lstm => lstm.Forward(x, a0, c0),
            Gru gru when c0 is null => gru.Forward(x, a0),
            Gru => throw new ArgumentException("a GRU has no cell state: pass c0 = null.", nameof(c0)),
            _ => throw new ArgumentException($"unknown gated model {model.GetType().Name}.", nameof(model)),
        };
        double loss = model.Loss(cache, y);
        var g = model.Backward(cache, y, new BackwardOptions { ComputeDX = !x.IsOneHot });
        var yHat = Enumerable.Range(1, x.Length).Select(t => (double[])cache.YHat(t).Data.Clone()).ToArray();
        return new GatedOutputs(yHat, loss, Copy(g.dWax), Copy(g.dWaa), (double[])g.dBax.Clone(), (double[])g.dBaa.Clone(),
            Copy(g.dWya), (double[])g.dBy.Clone(), Copy(g.dA0), g.dC0 is null ? null : Copy(g.dC0), g.dX?.Select(Copy).ToArray());
    }

    /// <summary>Every quantity by name (yHat, L, dWax, dWaa, dBax, dBaa, dWya, dBy, dA0, then dC0 and dX when present), flattened.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Quantities()
    {
        var list = new List<(string, double[])>
        {
            ("yHat", YHat.SelectMany(v => v).ToArray()),
            ("L", [Loss]),
            ("dWax", dWax),
            ("dWaa", dWaa),
            ("dBax", dBax),
            ("dBaa", dBaa),
            ("dWya", dWya),
            ("dBy", dBy),
            ("dA0", dA0),
        };
        if (dC0 is not null)
        {
            list.Add(("dC0", dC0));
        }
        if (dX is not null)
        {
            list.Add(("dX", dX.SelectMany(v => v).ToArray()));
        }
        return list;
    }

    private static double[] Copy(Matrix m) => (double[])m.Data.Clone();
}
