namespace RnnNotebooks;

/// <summary>
/// dL/d(every parameter), the gradient of the initial state dL/da&lt;0&gt;, and, when asked for, dL/dx&lt;t&gt;
/// for every input. Each has the shape of what it differentiates.
/// </summary>
public sealed class RnnGradients : IRecurrentGradients
{
    /// <summary>Zero gradients for a model of these sizes and a batch of m.</summary>
    public RnnGradients(int nX, int nA, int nY, int m)
    {
        dWaa = new Matrix(nA, nA);
        dWax = new Matrix(nA, nX);
        dWya = new Matrix(nY, nA);
        dBa = new double[nA];
        dBy = new double[nY];
        dA0 = new Matrix(nA, m);
    }

    /// <summary>dL/dWaa, shape (n_a, n_a).</summary>
    public Matrix dWaa { get; }

    /// <summary>dL/dWax, shape (n_a, n_x).</summary>
    public Matrix dWax { get; }

    /// <summary>dL/dWya, shape (n_y, n_a).</summary>
    public Matrix dWya { get; }

    /// <summary>dL/dba, shape (n_a).</summary>
    public double[] dBa { get; }

    /// <summary>dL/dby, shape (n_y).</summary>
    public double[] dBy { get; }

    /// <summary>dL/da&lt;0&gt;, shape (n_a, m): what flows back into the initial state (e.g. into an encoder).</summary>
    public Matrix dA0 { get; }

    /// <summary>An RNN has no cell state: null.</summary>
    Matrix? IRecurrentGradients.dC0 => null;

    /// <summary>
    /// dL/dx&lt;t&gt; at [t - 1], each (n_x, m), when <see cref="BackwardOptions.ComputeDX"/> was set; else null.
    /// Feeds a learned embedding or the layer below in a stack.
    /// </summary>
    public Matrix[]? dX { get; internal set; }

    /// <summary>
    /// dL/da&lt;t&gt; at [t - 1], each (n_a, m), the total gradient reaching a&lt;t&gt; from the output at t and from
    /// every later step, when <see cref="BackwardOptions.KeepDA"/> was set; else null.
    /// </summary>
    public Matrix[]? dA { get; internal set; }

    /// <summary>The parameter gradients with names and shapes, in the order of <see cref="RnnParameters.Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        new("dWaa", dWaa.Data, dWaa.Rows, dWaa.Cols),
        new("dWax", dWax.Data, dWax.Rows, dWax.Cols),
        new("dWya", dWya.Data, dWya.Rows, dWya.Cols),
        new("dBa", dBa, dBa.Length, 1) { IsVector = true },
        new("dBy", dBy, dBy.Length, 1) { IsVector = true },
    ];

    /// <summary>Sets the parameter gradients to zero (before accumulating over time steps).</summary>
    public void Clear()
    {
        dWaa.Clear();
        dWax.Clear();
        dWya.Clear();
        Array.Clear(dBa);
        Array.Clear(dBy);
    }

    /// <summary>sqrt of the sum of squares over all parameter gradients: the global norm clipping looks at.</summary>
    public double GlobalNorm() => GradientClipping.GlobalNorm(Tensors);
}
