namespace RnnNotebooks;

/// <summary>
/// dL/d(every parameter) of a <see cref="GatedRnn"/>, the initial states' gradients dL/da&lt;0&gt; (and dL/dc&lt;0&gt; for
/// an LSTM), and, when asked for, dL/dx&lt;t&gt; and dL/da&lt;t&gt;. Each has the shape of what it differentiates.
/// </summary>
public sealed class GatedGradients : IRecurrentGradients
{
    /// <summary>Zero gradients for a model of these sizes and a batch of m.</summary>
    /// <param name="gates">G: 3 (GRU) or 4 (LSTM).</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="m">The batch size.</param>
    /// <param name="hasCell">True for an LSTM: dC0 is kept.</param>
    public GatedGradients(int gates, int nX, int nA, int nY, int m, bool hasCell)
    {
        dWax = new Matrix(gates * nA, nX);
        dWaa = new Matrix(gates * nA, nA);
        dBax = new double[gates * nA];
        dBaa = new double[gates * nA];
        dWya = new Matrix(nY, nA);
        dBy = new double[nY];
        dA0 = new Matrix(nA, m);
        dC0 = hasCell ? new Matrix(nA, m) : null;
    }

    /// <summary>dL/dWax, shape (G n_a, n_x).</summary>
    public Matrix dWax { get; }

    /// <summary>dL/dWaa, shape (G n_a, n_a).</summary>
    public Matrix dWaa { get; }

    /// <summary>dL/dbax, shape (G n_a).</summary>
    public double[] dBax { get; }

    /// <summary>dL/dbaa, shape (G n_a).</summary>
    public double[] dBaa { get; }

    /// <summary>dL/dWya, shape (n_y, n_a).</summary>
    public Matrix dWya { get; }

    /// <summary>dL/dby, shape (n_y).</summary>
    public double[] dBy { get; }

    /// <summary>dL/da&lt;0&gt;, shape (n_a, m).</summary>
    public Matrix dA0 { get; }

    /// <summary>dL/dc&lt;0&gt;, shape (n_a, m), for an LSTM; null for a GRU.</summary>
    public Matrix? dC0 { get; }

    /// <summary>dL/dx&lt;t&gt; at [t - 1], each (n_x, m), when <see cref="BackwardOptions.ComputeDX"/> was set; else null.</summary>
    public Matrix[]? dX { get; internal set; }

    /// <summary>dL/da&lt;t&gt; at [t - 1], each (n_a, m), when <see cref="BackwardOptions.KeepDA"/> was set; else null.</summary>
    public Matrix[]? dA { get; internal set; }

    /// <summary>The parameter gradients with names and shapes, in the order of <see cref="GatedParameters.Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        new("dWax", dWax.Data, dWax.Rows, dWax.Cols),
        new("dWaa", dWaa.Data, dWaa.Rows, dWaa.Cols),
        new("dBax", dBax, dBax.Length, 1) { IsVector = true },
        new("dBaa", dBaa, dBaa.Length, 1) { IsVector = true },
        new("dWya", dWya.Data, dWya.Rows, dWya.Cols),
        new("dBy", dBy, dBy.Length, 1) { IsVector = true },
    ];

    /// <summary>Sets the parameter gradients to zero.</summary>
    public void Clear()
    {
        foreach (var view in Tensors)
        {
            Array.Clear(view.Values);
        }
    }

    /// <summary>sqrt of the sum of squares over all parameter gradients.</summary>
    public double GlobalNorm() => GradientClipping.GlobalNorm(Tensors);

    internal bool Fits(GatedParameters p, int m) =>
        dA0.Cols == m && dWax.Rows == p.Gates * p.nA && dWax.Cols == p.nX && dWaa.Cols == p.nA && dWya.Rows == p.nY && (dC0 is not null) == (p.Gates == 4);
}
