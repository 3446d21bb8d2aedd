namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass of the note's RNN as plain arrays in the core's layout (row-major, batch last), so
/// that results from the core and from TorchSharp compare element by element.
/// </summary>
/// <param name="YHat">yHat&lt;t&gt; at [t - 1], each (n_y, m) row-major.</param>
/// <param name="Loss">L = sum over t and j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</param>
/// <param name="dWaa">dL/dWaa, (n_a, n_a) row-major.</param>
/// <param name="dWax">dL/dWax, (n_a, n_x) row-major.</param>
/// <param name="dWya">dL/dWya, (n_y, n_a) row-major.</param>
/// <param name="dBa">dL/dba, (n_a).</param>
/// <param name="dBy">dL/dby, (n_y).</param>
/// <param name="dA0">dL/da&lt;0&gt;, (n_a, m) row-major.</param>
/// <param name="dX">dL/dx&lt;t&gt; at [t - 1], each (n_x, m) row-major, for dense inputs; null for one-hot inputs.</param>
public sealed record RnnOutputs(
    double[][] YHat,
    double Loss,
    double[] dWaa,
    double[] dWax,
    double[] dWya,
    double[] dBa,
    double[] dBy,
    double[] dA0,
    double[][]? dX)
{
    /// <summary>The core's own pass: <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/>, <see cref="RecurrentLayer.Loss"/>, <see cref="RecurrentLayer.Backward"/> (with dX for dense inputs).</summary>
    /// <param name="model">The from-scratch model.</param>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense, (n_x, m) each.</param>
    /// <param name="y">Targets and optional per-step weights.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    public static RnnOutputs FromCore(Rnn model, SequenceBatch x, SequenceTargets y, Matrix? a0 = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        var cache = model.Forward(x, a0);
        double loss = model.Loss(cache, y);
        var g = model.Backward(cache, y, new BackwardOptions { ComputeDX = !x.IsOneHot });
        var yHat = Enumerable.Range(1, x.Length).Select(t => (double[])cache.YHat(t).Data.Clone()).ToArray();
        return new RnnOutputs(yHat, loss, Copy(g.dWaa), Copy(g.dWax), Copy(g.dWya), (double[])g.dBa.Clone(),
            (double[])g.dBy.Clone(), Copy(g.dA0), g.dX?.Select(Copy).ToArray());
    }

    /// <summary>Every quantity by name (yHat, L, dWaa, dWax, dWya, dBa, dBy, dA0, and dX when present), flattened.</summary>
    public IReadOnlyList<(string Name, double[] Values)> Quantities()
    {
        var list = new List<(string, double[])>
        {
            ("yHat", YHat.SelectMany(v => v).ToArray()),
            ("L", [Loss]),
            ("dWaa", dWaa),
            ("dWax", dWax),
            ("dWya", dWya),
            ("dBa", dBa),
            ("dBy", dBy),
            ("dA0", dA0),
        };
        if (dX is not null)
        {
            list.Add(("dX", dX.SelectMany(v => v).ToArray()));
        }
        return list;
    }

    private static double[] Copy(Matrix m) => (double[])m.Data.Clone();
}
