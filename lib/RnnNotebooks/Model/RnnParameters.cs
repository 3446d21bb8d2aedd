namespace RnnNotebooks;

/// <summary>
/// The parameters of the note's RNN:
/// a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba), yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by).
/// </summary>
public sealed class RnnParameters : IRecurrentParameters
{
    /// <summary>Zero parameters for n_x inputs, n_a hidden units and n_y outputs (n_y = 0: no output layer, e.g. an encoder).</summary>
    /// <param name="nX">n_x, the input size (vocabulary size for one-hot inputs).</param>
    /// <param name="nA">n_a, the number of hidden units.</param>
    /// <param name="nY">n_y, the output size; 0 for a recurrent layer without an output layer.</param>
    public RnnParameters(int nX, int nA, int nY)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nX);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nA);
        ArgumentOutOfRangeException.ThrowIfNegative(nY);
        Waa = new Matrix(nA, nA);
        Wax = new Matrix(nA, nX);
        Wya = new Matrix(nY, nA);
        Ba = new double[nA];
        By = new double[nY];
    }

    /// <summary>The cell: <see cref="RecurrentCell.Rnn"/>.</summary>
    public RecurrentCell Cell => RecurrentCell.Rnn;

    /// <summary>n_x, the input size.</summary>
    public int nX => Wax.Cols;

    /// <summary>n_a, the number of hidden units.</summary>
    public int nA => Waa.Rows;

    /// <summary>n_y, the output size (0 when there is no output layer).</summary>
    public int nY => Wya.Rows;

    /// <summary>Waa, shape (n_a, n_a): hidden-to-hidden weights.</summary>
    public Matrix Waa { get; }

    /// <summary>Wax, shape (n_a, n_x): input-to-hidden weights.</summary>
    public Matrix Wax { get; }

    /// <summary>Wya, shape (n_y, n_a): hidden-to-output weights.</summary>
    public Matrix Wya { get; }

    /// <summary>ba, shape (n_a): hidden bias.</summary>
    public double[] Ba { get; }

    /// <summary>by, shape (n_y): output bias.</summary>
    public double[] By { get; }

    /// <summary>Total number of scalar parameters.</summary>
    public int Count => Waa.Data.Length + Wax.Data.Length + Wya.Data.Length + Ba.Length + By.Length;

    /// <summary>Every parameter with its name and shape, in the order Waa, Wax, Wya, Ba, By.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        new("Waa", Waa.Data, nA, nA),
        new("Wax", Wax.Data, nA, nX),
        new("Wya", Wya.Data, nY, nA),
        new("Ba", Ba, nA, 1) { IsVector = true },
        new("By", By, nY, 1) { IsVector = true },
    ];

    /// <summary>The stacked weights an <see cref="RnnCell"/> runs on: Wax, Waa, bax = ba, no baa.</summary>
    public CellWeights Weights => new(Wax, Waa, Ba, []);

    /// <summary>
    /// Wa = [Waa | Wax], shape (n_a, n_a + n_x), a new matrix: the note's stacked form
    /// a&lt;t&gt; = g1(Wa [a&lt;t-1&gt;; x&lt;t&gt;] + ba).
    /// </summary>
    public Matrix Wa
    {
        get
        {
            var wa = new Matrix(nA, nA + nX);
            for (int i = 0; i < nA; i++)
            {
                Waa.Row(i).CopyTo(wa.Row(i)[..nA]);
                Wax.Row(i).CopyTo(wa.Row(i)[nA..]);
            }
            return wa;
        }
    }

    /// <summary>Seeded random parameters; biases start at 0.</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0 for no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    /// <param name="init">How to draw the weights.</param>
    public static RnnParameters Initialize(int nX, int nA, int nY, int seed, WeightInit init = WeightInit.XavierOrthogonal)
    {
        var p = new RnnParameters(nX, nA, nY);
        var random = Seeds.Random(seed);
        switch (init)
        {
            case WeightInit.XavierOrthogonal:
                Initializers.Orthogonal(p.Waa, random);
                Initializers.XavierUniform(p.Wax, random);
                Initializers.XavierUniform(p.Wya, random);
                break;
            case WeightInit.Xavier:
                Initializers.XavierUniform(p.Waa, random);
                Initializers.XavierUniform(p.Wax, random);
                Initializers.XavierUniform(p.Wya, random);
                break;
            case WeightInit.SmallGaussian:
                Initializers.Gaussian(p.Waa.Data, random, 0.01);
                Initializers.Gaussian(p.Wax.Data, random, 0.01);
                Initializers.Gaussian(p.Wya.Data, random, 0.01);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "unknown initialisation");
        }
        return p;
    }

    /// <summary>
    /// Parameters read from a safetensors file saved by <see cref="ParameterFiles.Save"/>: n_x, n_a, n_y from the shapes
    /// of "prefix.Wax" and "prefix.Wya", every value bit for bit.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="prefix">The prefix they were saved under, e.g. "encoder"; "" for none.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or a tensor is missing or of the wrong shape (the message names file and tensor).</exception>
    public static RnnParameters Load(string path, string prefix = "") => Load(SafeTensors.Read(path), prefix);

    /// <summary>Parameters from a file already read, e.g. one that holds a whole model under several prefixes.</summary>
    /// <param name="file">The file.</param>
    /// <param name="prefix">The prefix they were saved under; "" for none.</param>
    public static RnnParameters Load(SafeTensorsFile file, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(file);
        var (nA, nX) = file.MatrixShape(NamedTensor.Join(prefix, "Wax"));
        return ParameterFiles.Loaded(new RnnParameters(nX, nA, file.MatrixShape(NamedTensor.Join(prefix, "Wya")).Rows), file, prefix);
    }

    /// <summary>A deep copy.</summary>
    public RnnParameters Clone()
    {
        var copy = new RnnParameters(nX, nA, nY);
        CopyTo(copy);
        return copy;
    }

    /// <summary>Copies every value into <paramref name="target"/>, which must have the same sizes.</summary>
    public void CopyTo(RnnParameters target)
    {
        ArgumentNullException.ThrowIfNull(target);
        target.Waa.CopyFrom(Waa);
        target.Wax.CopyFrom(Wax);
        target.Wya.CopyFrom(Wya);
        Ba.AsSpan().CopyTo(target.Ba);
        By.AsSpan().CopyTo(target.By);
    }

    /// <summary>
    /// Throws unless <paramref name="x"/> has n_x inputs per step and <paramref name="a0"/> (when given) is a finite
    /// (n_a, m) matrix: the checks every forward pass over these parameters makes first.
    /// </summary>
    /// <param name="x">The inputs.</param>
    /// <param name="a0">a&lt;0&gt;, or null for zeros.</param>
    public void CheckInputs(SequenceBatch x, Matrix? a0)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.InputSize != nX)
        {
            throw new ArgumentException($"x has n_x = {x.InputSize}; this model's Wax expects n_x = {nX}.", nameof(x));
        }
        if (a0 is not null)
        {
            Guard.Shape(a0, nA, x.BatchSize, "a0", null, "(n_a, m)");
            Guard.Finite(a0.Data, "a0", null, x.BatchSize);
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
