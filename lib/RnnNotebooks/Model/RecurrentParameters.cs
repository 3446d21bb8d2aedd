namespace RnnNotebooks;

/// <summary>
/// The parameters of one recurrent layer of any cell, stacked as PyTorch's RNNBase keeps them, with the note's output
/// layer on top:
/// <code>
/// Wax (G n_a, n_x)  the gates' input weights, one (n_a, n_x) block a gate      (weight_ih_l0)
/// Waa (G n_a, n_a)  the gates' recurrent weights, stacked the same way          (weight_hh_l0)
/// Bax (G n_a)       the input-side biases; the RNN's one bias ba                 (bias_ih_l0)
/// Baa (G n_a)       the recurrent-side biases; empty for the RNN                 (bias_hh_l0)
/// Wya (n_y, n_a), By (n_y): the output layer yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by)
/// </code>
/// For the note's RNN (G = 1) these are its Wax (n_a, n_x), Waa (n_a, n_a) and <see cref="Ba"/>:
/// a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba). Gate order (block k holds rows k n_a .. (k + 1) n_a - 1): GRU r, z, n
/// (Wax's blocks Wrx, Wzx, Wnx; Waa's Wra, Wza, Wna); LSTM i, f, g, o. Two biases per gate for GRU and LSTM, as PyTorch
/// has them: for the GRU they are not redundant, since the reset gate multiplies Wna a&lt;t-1&gt; + bna only.
/// </summary>
public sealed class RecurrentParameters : IParameterSet
{
    /// <summary>Zero parameters of a cell for n_x inputs, n_a hidden units and n_y outputs (n_y = 0: no output layer, e.g. an encoder).</summary>
    /// <param name="cell">The cell: it fixes G (1, 3, 4) and whether there is a recurrent-side bias.</param>
    /// <param name="nX">n_x, the input size (vocabulary size for one-hot inputs).</param>
    /// <param name="nA">n_a, the number of hidden units.</param>
    /// <param name="nY">n_y, the output size; 0 for a recurrent layer without an output layer.</param>
    public RecurrentParameters(RecurrentCell cell, int nX, int nA, int nY)
    {
        int gates = RecurrentLayers.GatesOf(cell);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nA);
        ArgumentOutOfRangeException.ThrowIfNegative(nY);
        Cell = cell;
        Gates = gates;
        Wax = new Matrix(gates * nA, nX);
        Waa = new Matrix(gates * nA, nA);
        Bax = new double[gates * nA];
        Baa = cell == RecurrentCell.Rnn ? [] : new double[gates * nA];
        Wya = new Matrix(nY, nA);
        By = new double[nY];
    }

    /// <summary>The cell these parameters belong to.</summary>
    public RecurrentCell Cell { get; }

    /// <summary>G, the number of gate blocks: 1 (RNN), 3 (GRU), 4 (LSTM).</summary>
    public int Gates { get; }

    /// <summary>n_x, the input size.</summary>
    public int nX => Wax.Cols;

    /// <summary>n_a, the number of hidden units.</summary>
    public int nA => Waa.Cols;

    /// <summary>n_y, the output size (0 when there is no output layer).</summary>
    public int nY => Wya.Rows;

    /// <summary>Wax, shape (G n_a, n_x): input-to-hidden weights (the RNN's (n_a, n_x)), PyTorch's weight_ih_l0.</summary>
    public Matrix Wax { get; }

    /// <summary>Waa, shape (G n_a, n_a): hidden-to-hidden weights (the RNN's (n_a, n_a)), PyTorch's weight_hh_l0.</summary>
    public Matrix Waa { get; }

    /// <summary>bax, shape (G n_a): the input-side biases, PyTorch's bias_ih_l0; for the RNN, its one bias <see cref="Ba"/>.</summary>
    public double[] Bax { get; }

    /// <summary>baa, shape (G n_a): the recurrent-side biases, PyTorch's bias_hh_l0; empty for the RNN.</summary>
    public double[] Baa { get; }

    /// <summary>ba, shape (n_a): the RNN's hidden bias, the same array as <see cref="Bax"/>.</summary>
    public double[] Ba => Bax;

    /// <summary>Wya, shape (n_y, n_a): hidden-to-output weights.</summary>
    public Matrix Wya { get; }

    /// <summary>by, shape (n_y): output bias.</summary>
    public double[] By { get; }

    /// <summary>The stacked weights the cell runs on (views, not copies).</summary>
    public CellWeights Weights => new(Wax, Waa, Bax, Baa);

    /// <summary>Total number of scalar parameters: G (n_a n_x + n_a n_a + n_a) (+ G n_a for baa) + n_y n_a + n_y.</summary>
    public int Count => Wax.Data.Length + Waa.Data.Length + Bax.Length + Baa.Length + Wya.Data.Length + By.Length;

    /// <summary>
    /// Every parameter with its name and shape: for the RNN in the order Waa, Wax, Wya, Ba, By; for GRU and LSTM in
    /// PyTorch's order Wax, Waa, Bax, Baa, Wya, By. These are the names saved files hold.
    /// </summary>
    public IReadOnlyList<ParameterView> Tensors => tensors ??= Array.AsReadOnly(Views());

    /// <summary>The views of <see cref="Tensors"/>, made once: every array is fixed for the parameters' life (training updates values in place), so a forward pass's finiteness check allocates nothing.</summary>
    private IReadOnlyList<ParameterView>? tensors;

    private ParameterView[] Views() => Cell == RecurrentCell.Rnn
        ? [
            new("Waa", Waa.Data, nA, nA),
            new("Wax", Wax.Data, nA, nX),
            new("Wya", Wya.Data, nY, nA),
            new("Ba", Bax, nA, 1) { IsVector = true },
            new("By", By, nY, 1) { IsVector = true },
        ]
        : [
            new("Wax", Wax.Data, Wax.Rows, nX),
            new("Waa", Waa.Data, Waa.Rows, nA),
            new("Bax", Bax, Bax.Length, 1) { IsVector = true },
            new("Baa", Baa, Baa.Length, 1) { IsVector = true },
            new("Wya", Wya.Data, nY, nA),
            new("By", By, nY, 1) { IsVector = true },
        ];

    /// <summary>
    /// Wa = [Waa | Wax], shape (G n_a, n_a + n_x), a new matrix: the note's stacked form
    /// a&lt;t&gt; = g1(Wa [a&lt;t-1&gt;; x&lt;t&gt;] + ba).
    /// </summary>
    public Matrix Wa
    {
        get
        {
            var wa = new Matrix(Waa.Rows, nA + nX);
            for (int i = 0; i < Waa.Rows; i++)
            {
                Waa.Row(i).CopyTo(wa.Row(i)[..nA]);
                Wax.Row(i).CopyTo(wa.Row(i)[nA..]);
            }
            return wa;
        }
    }

    /// <summary>
    /// Seeded random parameters. The RNN draws Waa, Wax, Wya as <paramref name="init"/> says, biases 0; GRU and LSTM
    /// draw every gate weight and bias as PyTorch does, uniform in [-1/sqrt(n_a), 1/sqrt(n_a)], then Wya Xavier-uniform, by = 0.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0 for no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    /// <param name="init">How the RNN draws its weights; GRU and LSTM draw PyTorch's uniform whatever it says.</param>
    public static RecurrentParameters Initialize(RecurrentCell cell, int nX, int nA, int nY, int seed, WeightInit init = WeightInit.XavierOrthogonal)
    {
        var p = new RecurrentParameters(cell, nX, nA, nY);
        var random = Seeds.Random(seed);
        if (cell == RecurrentCell.Rnn)
        {
            p.DrawRnn(random, init);
            return p;
        }
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

    private void DrawRnn(Random random, WeightInit init)
    {
        switch (init)
        {
            case WeightInit.XavierOrthogonal:
                Initializers.Orthogonal(Waa, random);
                Initializers.XavierUniform(Wax, random);
                Initializers.XavierUniform(Wya, random);
                break;
            case WeightInit.Xavier:
                Initializers.XavierUniform(Waa, random);
                Initializers.XavierUniform(Wax, random);
                Initializers.XavierUniform(Wya, random);
                break;
            case WeightInit.SmallGaussian:
                Initializers.Gaussian(Waa.Data, random, 0.01);
                Initializers.Gaussian(Wax.Data, random, 0.01);
                Initializers.Gaussian(Wya.Data, random, 0.01);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "unknown initialisation");
        }
    }

    /// <summary>
    /// Parameters of a cell read from a safetensors file saved by <see cref="ParameterFiles.Save"/>: n_x, n_a, n_y from
    /// the shapes of "prefix.Wax", "prefix.Waa" and "prefix.Wya", every value bit for bit.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="prefix">The prefix they were saved under, e.g. "encoder"; "" for none.</param>
    /// <param name="cell">The cell they belong to.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or a tensor is missing or of the wrong shape (the message names file and tensor).</exception>
    public static RecurrentParameters Load(string path, string prefix = "", RecurrentCell cell = RecurrentCell.Rnn) =>
        Load(SafeTensors.Read(path), prefix, cell);

    /// <summary>Parameters from a file already read, e.g. one that holds a whole model under several prefixes.</summary>
    /// <param name="file">The file.</param>
    /// <param name="prefix">The prefix they were saved under; "" for none.</param>
    /// <param name="cell">The cell they belong to.</param>
    public static RecurrentParameters Load(SafeTensorsFile file, string prefix = "", RecurrentCell cell = RecurrentCell.Rnn)
    {
        ArgumentNullException.ThrowIfNull(file);
        int nX = file.MatrixShape(NamedTensor.Join(prefix, "Wax")).Cols;
        int nA = file.MatrixShape(NamedTensor.Join(prefix, "Waa")).Cols;
        int nY = file.MatrixShape(NamedTensor.Join(prefix, "Wya")).Rows;
        return ParameterFiles.Loaded(new RecurrentParameters(cell, nX, nA, nY), file, prefix);
    }

    /// <summary>A deep copy.</summary>
    public RecurrentParameters Clone()
    {
        var copy = new RecurrentParameters(Cell, nX, nA, nY);
        CopyTo(copy);
        return copy;
    }

    /// <summary>Copies every value into <paramref name="target"/>, which must be of the same cell and sizes.</summary>
    public void CopyTo(RecurrentParameters target)
    {
        ArgumentNullException.ThrowIfNull(target);
        var source = Tensors;
        var into = target.Tensors;
        for (int k = 0; k < source.Count; k++)
        {
            source[k].Values.AsSpan().CopyTo(into[k].Values);
        }
    }

    /// <summary>
    /// Throws unless <paramref name="x"/> has n_x inputs per step and each initial state given is a finite (n_a, m)
    /// matrix: the checks every forward pass over these parameters makes first.
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
        CheckState(a0, x.BatchSize, nameof(a0));
        CheckState(c0, x.BatchSize, nameof(c0));
    }

    private void CheckState(Matrix? state, int m, string name)
    {
        if (state is not null)
        {
            Guard.Shape(state, nA, m, name, null, "(n_a, m)");
            Guard.Finite(state.Data, name, null, m);
        }
    }

    /// <summary>Throws a <see cref="NonFiniteException"/> naming the first parameter holding NaN or infinity.</summary>
    public void CheckFinite()
    {
        var views = Tensors;
        for (int i = 0; i < views.Count; i++) // an index, not foreach: no enumerator is allocated
        {
            Guard.Finite(views[i].Values, views[i].Name, null, views[i].Cols);
        }
    }
}
