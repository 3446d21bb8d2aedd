namespace RnnNotebooks;

/// <summary>
/// dL/d(every parameter) of a <see cref="BidirectionalRnn"/>, each of the shape of what it differentiates, and
/// dL/dx&lt;t&gt; when asked for.
/// </summary>
public sealed class BidirectionalRnnGradients
{
    /// <summary>Zero gradients for a model of this cell and these sizes, and a batch of m.</summary>
    public BidirectionalRnnGradients(RecurrentCell cell, int nX, int nA, int nY, int m)
    {
        ForwardGradients = new RecurrentGradients(cell, nX, nA, 0, m);
        BackwardGradients = new RecurrentGradients(cell, nX, nA, 0, m);
        Sizes = (nX, nA, nY, m);
        dWya = new Matrix(nY, 2 * nA);
        dBy = new double[nY];
    }

    /// <summary>The forward direction's gradients, of any cell (RNN: dWaa, dWax, dBa; gated: dWax, dWaa, dBax, dBaa).</summary>
    public RecurrentGradients ForwardGradients { get; internal set; }

    /// <summary>The backward direction's gradients, of any cell; its dX is in reversed order (use <see cref="dX"/>).</summary>
    public RecurrentGradients BackwardGradients { get; internal set; }



    private (int nX, int nA, int nY, int m) Sizes { get; }

    /// <summary>dL/dWya, shape (n_y, 2 n_a).</summary>
    public Matrix dWya { get; }

    /// <summary>dL/dby, shape (n_y).</summary>
    public double[] dBy { get; }

    /// <summary>
    /// dL/dx&lt;t&gt; at [t - 1], each (n_x, m): the sum of what both directions send back to x&lt;t&gt;, when asked for;
    /// else null. Feeds an <see cref="Embedding"/> below.
    /// </summary>
    public Matrix[]? dX { get; internal set; }

    /// <summary>The parameter gradients in the order of <see cref="BidirectionalRnnParameters.Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [.. BidirectionalRnnParameters.Direction("forward", ForwardGradients.Tensors),
         .. BidirectionalRnnParameters.Direction("backward", BackwardGradients.Tensors),
         new("dWya", dWya.Data, dWya.Rows, dWya.Cols), new("dBy", dBy, dBy.Length, 1) { IsVector = true }];

    /// <summary>sqrt of the sum of squares over all parameter gradients.</summary>
    public double GlobalNorm() => GradientClipping.GlobalNorm(Tensors);

    internal bool Fits(int nX, int nA, int nY, int m) => Sizes == (nX, nA, nY, m);
}
