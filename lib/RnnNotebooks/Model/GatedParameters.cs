namespace RnnNotebooks;

/// <summary>
/// The parameters of a gated recurrent layer (<see cref="Gru"/>: G = 3 gates, <see cref="Lstm"/>: G = 4) in PyTorch's
/// layout, so that they copy one to one into <c>nn.GRU</c> / <c>nn.LSTM</c>:
/// <code>
/// Wax (G n_a, n_x)  = weight_ih_l0: the gates' input weights stacked by rows, one (n_a, n_x) block a gate
/// Waa (G n_a, n_a)  = weight_hh_l0: the gates' recurrent weights stacked the same way
/// Bax (G n_a)       = bias_ih_l0
/// Baa (G n_a)       = bias_hh_l0
/// Wya (n_y, n_a), By (n_y): the output layer yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by), as in <see cref="RnnParameters"/>
/// </code>
/// Gate order (block k holds rows k n_a .. (k + 1) n_a - 1): GRU r, z, n (so Wax's blocks are Wrx, Wzx, Wnx and
/// Waa's Wra, Wza, Wna); LSTM i, f, g, o (Wix, Wfx, Wgx, Wox and Wia, Wfa, Wga, Woa). Two biases per gate, as PyTorch
/// has them: for the GRU they are not redundant, since the reset gate multiplies Wna a&lt;t-1&gt; + bna only.
/// </summary>
public sealed class GatedParameters : IRecurrentParameters
{
    /// <summary>Zero parameters for G gates, n_x inputs, n_a hidden units and n_y outputs (0: no output layer).</summary>
    /// <param name="gates">G: 3 for a GRU, 4 for an LSTM.</param>
    /// <param name="nX">n_x, the input size.</param>
    /// <param name="nA">n_a, the number of hidden units.</param>
    /// <param name="nY">n_y, the output size; 0 for a recurrent layer without an output layer.</param>
    public GatedParameters(int gates, int nX, int nA, int nY)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(gates, 3);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(gates, 4);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nA);
        ArgumentOutOfRangeException.ThrowIfNegative(nY);
        Gates = gates;
        Wax = new Matrix(gates * nA, nX);
        Waa = new Matrix(gates * nA, nA);
        Bax = new double[gates * nA];
        Baa = new double[gates * nA];
        Wya = new Matrix(nY, nA);
        By = new double[nY];
    }

    /// <summary>G, the number of gate blocks: 3 (GRU) or 4 (LSTM).</summary>
    public int Gates { get; }

    /// <summary>The cell: <see cref="RecurrentCell.Gru"/> for G = 3, <see cref="RecurrentCell.Lstm"/> for G = 4.</summary>
    public RecurrentCell Cell => Gates == GruCell.Gates ? RecurrentCell.Gru : RecurrentCell.Lstm;

    /// <summary>n_x, the input size.</summary>
    public int nX => Wax.Cols;

    /// <summary>n_a, the number of hidden units.</summary>
    public int nA => Waa.Cols;

    /// <summary>n_y, the output size (0 when there is no output layer).</summary>
    public int nY => Wya.Rows;

    /// <summary>Wax, shape (G n_a, n_x): the gates' input weights, PyTorch's weight_ih_l0.</summary>
    public Matrix Wax { get; }

    /// <summary>Waa, shape (G n_a, n_a): the gates' recurrent weights, PyTorch's weight_hh_l0.</summary>
    public Matrix Waa { get; }

    /// <summary>bax, shape (G n_a): the input-side biases, PyTorch's bias_ih_l0.</summary>
    public double[] Bax { get; }

    /// <summary>baa, shape (G n_a): the recurrent-side biases, PyTorch's bias_hh_l0.</summary>
    public double[] Baa { get; }

    /// <summary>Wya, shape (n_y, n_a): hidden-to-output weights.</summary>
    public Matrix Wya { get; }

    /// <summary>by, shape (n_y): output bias.</summary>
    public double[] By { get; }

    /// <summary>The stacked weights the GRU or LSTM cell runs on.</summary>
    public CellWeights Weights => new(Wax, Waa, Bax, Baa);

    /// <summary>Total number of scalar parameters: G (n_a n_x + n_a n_a + 2 n_a) + n_y n_a + n_y.</summary>
    public int Count => Wax.Data.Length + Waa.Data.Length + Bax.Length + Baa.Length + Wya.Data.Length + By.Length;

    /// <summary>Every parameter with its name and shape, in the order Wax, Waa, Bax, Baa, Wya, By.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        new("Wax", Wax.Data, Wax.Rows, nX),
        new("Waa", Waa.Data, Waa.Rows, nA),
        new("Bax", Bax, Bax.Length, 1) { IsVector = true },
        new("Baa", Baa, Baa.Length, 1) { IsVector = true },
        new("Wya", Wya.Data, nY, nA),
        new("By", By, nY, 1) { IsVector = true },
    ];

    /// <summary>
    /// Seeded random parameters as PyTorch draws them: every gate weight and bias uniform in [-1/sqrt(n_a), 1/sqrt(n_a)];
    /// Wya Xavier-uniform and by = 0 for the output layer.
    /// </summary>
    /// <param name="gates">G: 3 (GRU) or 4 (LSTM).</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0 for no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    public static GatedParameters Initialize(int gates, int nX, int nA, int nY, int seed)
    {
        var p = new GatedParameters(gates, nX, nA, nY);
        var random = Seeds.Random(seed);
        double bound = 1.0 / Math.Sqrt(nA);
        foreach (var values in new[] { p.Wax.Data, p.Waa.Data, p.Bax, p.Baa })
        {
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = bound * (2.0 * random.NextDouble() - 1.0); // U(-1/sqrt(n_a), 1/sqrt(n_a))
            }
        }
        Initializers.XavierUniform(p.Wya, random);
        return p;
    }

    /// <summary>A deep copy.</summary>
    public GatedParameters Clone()
    {
        var copy = new GatedParameters(Gates, nX, nA, nY);
        var target = copy.Tensors;
        var source = Tensors;
        for (int k = 0; k < source.Count; k++)
        {
            source[k].Values.AsSpan().CopyTo(target[k].Values);
        }
        return copy;
    }

    /// <summary>
    /// Throws unless <paramref name="x"/> has n_x inputs per step and each initial state given is a finite (n_a, m) matrix.
    /// </summary>
    /// <param name="x">The inputs.</param>
    /// <param name="a0">a&lt;0&gt;, or null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM), or null for zeros.</param>
    public void CheckInputs(SequenceBatch x, Matrix? a0, Matrix? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.InputSize != nX)
        {
            throw new ArgumentException($"x has n_x = {x.InputSize}; this model's Wax expects n_x = {nX}.", nameof(x));
        }
        foreach (var (state, name) in new[] { (a0, "a0"), (c0, "c0") })
        {
            if (state is not null)
            {
                Guard.Shape(state, nA, x.BatchSize, name, null, "(n_a, m)");
                Guard.Finite(state.Data, name, null, x.BatchSize);
            }
        }
    }

    /// <summary>Throws a <see cref="NonFiniteException"/> naming the first parameter holding NaN or infinity.</summary>
    public void CheckFinite()
    {
        foreach (var p in Tensors)
        {
            Guard.Finite(p.Values, p.Name, null, p.Cols);
        }
    }
}
