namespace RnnNotebooks;

/// <summary>
/// dL/d(every parameter) of a <see cref="RecurrentLayer"/>, the initial states' gradients dL/da&lt;0&gt; (and dL/dc&lt;0&gt;
/// for an LSTM), and, when asked for, dL/dx&lt;t&gt; and dL/da&lt;t&gt;. Each has the shape of what it differentiates; the
/// parameter gradients are named and ordered as <see cref="RecurrentParameters.Tensors"/> (the RNN's dWaa, dWax, dWya, dBa, dBy).
/// </summary>
public sealed class RecurrentGradients
{
    /// <summary>Zero gradients for a layer of this cell and these sizes, and a batch of m.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="m">The batch size.</param>
    public RecurrentGradients(RecurrentCell cell, int nX, int nA, int nY, int m)
    {
        int rows = RecurrentLayers.GatesOf(cell) * nA;
        Cell = cell;
        dWax = new Matrix(rows, nX);
        dWaa = new Matrix(rows, nA);
        dBax = new double[rows];
        dBaa = cell == RecurrentCell.Rnn ? [] : new double[rows];
        dWya = new Matrix(nY, nA);
        dBy = new double[nY];
        dA0 = new Matrix(nA, m);
        dC0 = cell == RecurrentCell.Lstm ? new Matrix(nA, m) : null;
    }

    /// <summary>The cell of the layer these gradients belong to.</summary>
    public RecurrentCell Cell { get; }

    /// <summary>dL/dWax, shape (G n_a, n_x).</summary>
    public Matrix dWax { get; }

    /// <summary>dL/dWaa, shape (G n_a, n_a).</summary>
    public Matrix dWaa { get; }

    /// <summary>dL/dbax, shape (G n_a); the RNN's <see cref="dBa"/>.</summary>
    public double[] dBax { get; }

    /// <summary>dL/dbaa, shape (G n_a); empty for the RNN.</summary>
    public double[] dBaa { get; }

    /// <summary>dL/dba, shape (n_a): the RNN's bias gradient, the same array as <see cref="dBax"/>.</summary>
    public double[] dBa => dBax;

    /// <summary>dL/dWya, shape (n_y, n_a).</summary>
    public Matrix dWya { get; }

    /// <summary>dL/dby, shape (n_y).</summary>
    public double[] dBy { get; }

    /// <summary>dL/da&lt;0&gt;, shape (n_a, m): what flows back into the initial state (e.g. into an encoder).</summary>
    public Matrix dA0 { get; }

    /// <summary>dL/dc&lt;0&gt;, shape (n_a, m), for an LSTM; null for a cell without a cell state.</summary>
    public Matrix? dC0 { get; }

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

    /// <summary>The parameter gradients with names and shapes, paired by position with <see cref="RecurrentParameters.Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> Tensors => Cell == RecurrentCell.Rnn
        ? [
            new("dWaa", dWaa.Data, dWaa.Rows, dWaa.Cols),
            new("dWax", dWax.Data, dWax.Rows, dWax.Cols),
            new("dWya", dWya.Data, dWya.Rows, dWya.Cols),
            new("dBa", dBax, dBax.Length, 1) { IsVector = true },
            new("dBy", dBy, dBy.Length, 1) { IsVector = true },
        ]
        : [
            new("dWax", dWax.Data, dWax.Rows, dWax.Cols),
            new("dWaa", dWaa.Data, dWaa.Rows, dWaa.Cols),
            new("dBax", dBax, dBax.Length, 1) { IsVector = true },
            new("dBaa", dBaa, dBaa.Length, 1) { IsVector = true },
            new("dWya", dWya.Data, dWya.Rows, dWya.Cols),
            new("dBy", dBy, dBy.Length, 1) { IsVector = true },
        ];

    /// <summary>Sets the parameter gradients to zero (before accumulating over time steps).</summary>
    public void Clear()
    {
        dWax.Clear();
        dWaa.Clear();
        Array.Clear(dBax);
        Array.Clear(dBaa);
        dWya.Clear();
        Array.Clear(dBy);
    }

    /// <summary>sqrt of the sum of squares over all parameter gradients: the global norm clipping looks at.</summary>
    public double GlobalNorm() => GradientClipping.GlobalNorm(Tensors);

    internal bool Fits(RecurrentParameters p, int m) =>
        Cell == p.Cell && dA0.Cols == m && dWax.Rows == p.Wax.Rows && dWax.Cols == p.nX && dWaa.Cols == p.nA && dWya.Rows == p.nY;
}
