namespace RnnNotebooks;

/// <summary>
/// One time step of the note's RNN, for a batch of m columns. These are the forward equations; the
/// <see cref="Rnn"/> applies them for t = 1 .. Tx. As an <see cref="IRecurrentCell"/> (G = 1, no cell state) it is the
/// note's cell with its hidden activation g1, on the weights Wax = Wax, Waa = Waa, bax = ba (and no baa).
/// </summary>
public sealed class RnnCell : IRecurrentCell
{
    /// <summary>The note's cell with hidden activation g1.</summary>
    /// <param name="g1">Hidden activation: Tanh or Relu (Sigmoid and Identity also work).</param>
    /// <exception cref="ArgumentException">g1 is Softmax.</exception>
    /// <exception cref="ArgumentOutOfRangeException">g1 is not an activation (e.g. (Activation)42).</exception>
    public RnnCell(Activation g1)
    {
        Activations.CheckHidden(g1);
        G1 = g1;
    }

    /// <summary>g1, the hidden activation.</summary>
    public Activation G1 { get; }

    /// <inheritdoc/>
    public RecurrentCell Kind => RecurrentCell.Rnn;

    /// <summary>G = 1: one block, a&lt;t&gt; itself.</summary>
    public int Gates => 1;

    /// <inheritdoc/>
    public bool HasCellState => false;

    /// <summary>n_a, every row: a&lt;t&gt; = g1(z) with z = Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba, so both sides' gradient is dz.</summary>
    public int SharedGateRows(int nA) => nA;

    /// <summary>a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba), summed in that order.</summary>
    public void Forward(in CellWeights w, StepInput x, in CellStep step) => Forward(G1, w.Wax, w.Waa, w.Bax, x, step.APrev, step.A);

    /// <summary>dz = da ⊙ g1'(z&lt;t&gt;) into dGx (g1' from a&lt;t&gt;); every path to a&lt;t-1&gt; goes through Waa, so daPrev = 0.</summary>
    public void Backward(in CellStep step, Matrix da, Matrix dc, Matrix dGx, Matrix dGa, Matrix daPrev)
    {
        da.Data.AsSpan().CopyTo(dGx.Data);
        Activations.MultiplyByDerivative(G1, step.A.Data, dGx.Data); // dz = da ⊙ g1'(z<t>)
        daPrev.Clear();
    }

    /// <summary>a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) for dense x&lt;t&gt;, after checking the three shapes.</summary>
    /// <param name="p">The parameters (Waa, Wax, ba are used).</param>
    /// <param name="g1">Hidden activation.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
    /// <param name="a">a&lt;t&gt;, shape (n_a, m), written.</param>
    public static void Step(RecurrentParameters p, Activation g1, Matrix aPrev, Matrix x, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(p);
        int m = aPrev.Cols;
        Guard.Shape(aPrev, p.nA, m, "aPrev", null, "(n_a, m)");
        Guard.Shape(x, p.nX, m, "x", null, "(n_x, m)");
        Guard.Shape(a, p.nA, m, "a", null, "(n_a, m)");
        StepUnchecked(p, g1, aPrev, x, a);
    }

    /// <summary>
    /// a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) for one-hot x&lt;t&gt; given as m token indices: Wax x&lt;t&gt; is the
    /// tokens' columns of Wax, gathered with no product.
    /// </summary>
    /// <param name="p">The parameters.</param>
    /// <param name="g1">Hidden activation.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
    /// <param name="tokens">The m indices of the ones in x&lt;t&gt;, each in [0, n_x).</param>
    /// <param name="a">a&lt;t&gt;, shape (n_a, m), written.</param>
    public static void Step(RecurrentParameters p, Activation g1, Matrix aPrev, ReadOnlySpan<int> tokens, Matrix a)
    {
        ArgumentNullException.ThrowIfNull(p);
        Guard.Shape(aPrev, p.nA, tokens.Length, "aPrev", null, "(n_a, m)");
        Guard.Shape(a, p.nA, tokens.Length, "a", null, "(n_a, m)");
        foreach (int token in tokens)
        {
            if ((uint)token >= (uint)p.nX)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token {token} is not in [0, n_x) = [0, {p.nX}).");
            }
        }
        StepUnchecked(p, g1, aPrev, tokens, a);
    }

    /// <summary>
    /// The stacked form a&lt;t&gt; = g1(Wa [a&lt;t-1&gt;; x&lt;t&gt;] + ba), Wa = [Waa | Wax] of shape (n_a, n_a + n_x).
    /// Same result as <see cref="Step(RecurrentParameters, Activation, Matrix, Matrix, Matrix)"/> up to rounding; unlike it,
    /// this allocates [a&lt;t-1&gt;; x&lt;t&gt;] and the result, to show the stacked form, not to be fast.
    /// </summary>
    /// <param name="wa">Wa = [Waa | Wax], shape (n_a, n_a + n_x).</param>
    /// <param name="ba">ba, shape (n_a).</param>
    /// <param name="g1">Hidden activation.</param>
    /// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
    /// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
    /// <returns>a&lt;t&gt;, shape (n_a, m).</returns>
    public static Matrix StepStacked(Matrix wa, ReadOnlySpan<double> ba, Activation g1, Matrix aPrev, Matrix x)
    {
        ArgumentNullException.ThrowIfNull(wa);
        int nA = wa.Rows, nX = wa.Cols - nA, m = aPrev.Cols;
        Guard.Length(ba, nA, "ba", "n_a");
        Guard.Shape(aPrev, nA, m, "aPrev", null, "(n_a, m)");
        Guard.Shape(x, nX, m, "x", null, "(n_x, m) with n_x = Wa columns - n_a");
        var ax = new Matrix(nA + nX, m); // [a<t-1>; x<t>], shape (n_a + n_x, m)
        aPrev.Data.AsSpan().CopyTo(ax.Data);
        x.Data.AsSpan().CopyTo(ax.Data.AsSpan(nA * m));
        var a = new Matrix(nA, m);
        Blas.SetBiasPlusProduct(ba, wa, ax, a);   // Wa [a<t-1>; x<t>] + ba
        Activations.Apply(g1, a.Data, nA, m);     // a<t> = g1(...)
        return a;
    }

    /// <summary>yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by), after checking the shapes; also writes the logits z = Wya a&lt;t&gt; + by, which the loss reads.</summary>
    /// <param name="p">The parameters (Wya, by are used).</param>
    /// <param name="g2">Output activation.</param>
    /// <param name="a">a&lt;t&gt;, shape (n_a, m).</param>
    /// <param name="zy">Logits, shape (n_y, m), written.</param>
    /// <param name="yHat">yHat&lt;t&gt;, shape (n_y, m), written.</param>
    public static void Output(RecurrentParameters p, Activation g2, Matrix a, Matrix zy, Matrix yHat)
    {
        ArgumentNullException.ThrowIfNull(p);
        int m = a.Cols;
        Guard.Shape(a, p.nA, m, "a", null, "(n_a, m)");
        Guard.Shape(zy, p.nY, m, "zy", null, "(n_y, m)");
        Guard.Shape(yHat, p.nY, m, "yHat", null, "(n_y, m)");
        OutputUnchecked(p, g2, a, zy, yHat);
    }

    /// <summary><see cref="Step(RecurrentParameters, Activation, Matrix, Matrix, Matrix)"/> without the checks: <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/> checks its inputs once.</summary>
    internal static void StepUnchecked(RecurrentParameters p, Activation g1, Matrix aPrev, Matrix x, Matrix a) =>
        Forward(g1, p.Wax, p.Waa, p.Ba, new StepInput(x), aPrev, a);

    /// <summary>The one-hot <see cref="Step(RecurrentParameters, Activation, Matrix, ReadOnlySpan{int}, Matrix)"/> without the checks.</summary>
    internal static void StepUnchecked(RecurrentParameters p, Activation g1, Matrix aPrev, ReadOnlySpan<int> tokens, Matrix a) =>
        Forward(g1, p.Wax, p.Waa, p.Ba, new StepInput(tokens), aPrev, a);

    /// <summary>a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba), summed in that order, with no checks.</summary>
    private static void Forward(Activation g1, Matrix wax, Matrix waa, ReadOnlySpan<double> ba, StepInput x, Matrix aPrev, Matrix a)
    {
        Blas.SetBiasPlusProduct(ba, waa, aPrev, a); // a = ba + Waa a<t-1>
        x.AddProductTo(wax, a);                  //   + Wax x<t>
        Activations.Apply(g1, a.Data, a.Rows, a.Cols); // a<t> = g1(...)
    }

    /// <summary><see cref="Output"/> without the checks.</summary>
    internal static void OutputUnchecked(RecurrentParameters p, Activation g2, Matrix a, Matrix zy, Matrix yHat) =>
        OutputUnchecked(p.Wya, p.By, g2, a, zy, yHat);

    /// <summary>yHat = g2(Wya a + by) for any output layer Wya (n_y, k), by (n_y) over a state a (k, m), e.g. a bidirectional [a_fwd; a_bwd].</summary>
    internal static void OutputUnchecked(Matrix wya, ReadOnlySpan<double> by, Activation g2, Matrix a, Matrix zy, Matrix yHat)
    {
        Blas.SetBiasPlusProduct(by, wya, a, zy); // z = by + Wya a<t>
        zy.Data.AsSpan().CopyTo(yHat.Data);
        Activations.Apply(g2, yHat.Data, yHat.Rows, yHat.Cols); // yHat<t> = g2(z)
    }
}
