namespace RnnNotebooks;

/// <summary>
/// The parameters of a <see cref="BidirectionalRnn"/>: two recurrent layers without an output layer of their own
/// (n_y = 0), one per direction, of one cell kind (RNN, GRU or LSTM), and one output layer over their concatenated states:
/// yHat&lt;t&gt; = g2(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by).
/// </summary>
public sealed class BidirectionalRnnParameters : IParameterSet
{

    /// <summary>Parameters from their parts, directions of any cell kind (not copied: training updates them).</summary>
    /// <param name="forward">The direction reading x&lt;1&gt; .. x&lt;Tx&gt;: <see cref="RecurrentParameters"/>; n_y = 0.</param>
    /// <param name="backward">The direction reading x&lt;Tx&gt; .. x&lt;1&gt;; same cell, n_x and n_a, n_y = 0.</param>
    /// <param name="wya">Wya, shape (n_y, 2 n_a).</param>
    /// <param name="by">by, shape (n_y).</param>
    /// <exception cref="ArgumentException">A part has an output layer, another cell, or a shape that does not fit the others.</exception>
    public BidirectionalRnnParameters(RecurrentParameters forward, RecurrentParameters backward, Matrix wya, double[] by)
    {
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(wya);
        ArgumentNullException.ThrowIfNull(by);
        CheckDirection(forward, nameof(forward));
        CheckDirection(backward, nameof(backward));
        if (backward.nX != forward.nX || backward.nA != forward.nA || backward.Cell != forward.Cell)
        {
            throw new ArgumentException($"backward is a {backward.Cell} with (n_x, n_a) = ({backward.nX}, {backward.nA}); expected forward's {forward.Cell} with ({forward.nX}, {forward.nA}).", nameof(backward));
        }
        Guard.Shape(wya, wya.Rows, 2 * forward.nA, "Wya", null, "(n_y, 2 n_a)");
        Guard.Length(by, wya.Rows, "by", "n_y");
        ForwardDirection = forward;
        BackwardDirection = backward;
        Wya = wya;
        By = by;
    }

    /// <summary>Zero parameters for n_x inputs, n_a hidden units per direction and n_y outputs.</summary>
    public BidirectionalRnnParameters(int nX, int nA, int nY)
        : this(new RecurrentParameters(RecurrentCell.Rnn, nX, nA, 0), new RecurrentParameters(RecurrentCell.Rnn, nX, nA, 0), new Matrix(nY, 2 * nA), new double[nY])
    {
    }

    /// <summary>n_x, the input size.</summary>
    public int nX => ForwardDirection.nX;

    /// <summary>n_a, the hidden units of each direction: the concatenated state has 2 n_a.</summary>
    public int nA => ForwardDirection.nA;

    /// <summary>n_y, the output size.</summary>
    public int nY => Wya.Rows;

    /// <summary>The cell both directions run.</summary>
    public RecurrentCell Cell => ForwardDirection.Cell;

    /// <summary>The forward direction's parameters, of any cell (RNN: Waa, Wax, ba; GRU, LSTM: Wax, Waa, bax, baa).</summary>
    public RecurrentParameters ForwardDirection { get; }

    /// <summary>The backward direction's parameters, of the same cell.</summary>
    public RecurrentParameters BackwardDirection { get; }



    /// <summary>Wya, shape (n_y, 2 n_a): columns 0 .. n_a - 1 read a_fwd&lt;t&gt;, the rest a_bwd&lt;t&gt;.</summary>
    public Matrix Wya { get; }

    /// <summary>by, shape (n_y).</summary>
    public double[] By { get; }

    /// <summary>Total number of scalar parameters.</summary>
    public int Count => Tensors.Sum(t => t.Values.Length);

    /// <summary>
    /// Every parameter with its name and shape: forward.Waa, forward.Wax, forward.Ba, backward.Waa, backward.Wax,
    /// backward.Ba, Wya, By for RNN directions (forward.Wax, forward.Waa, forward.Bax, forward.Baa, ... for gated ones;
    /// the directions' empty output layers are left out).
    /// </summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [.. Direction("forward", ForwardDirection.Tensors), .. Direction("backward", BackwardDirection.Tensors),
         new("Wya", Wya.Data, nY, 2 * nA), new("By", By, nY, 1) { IsVector = true }];

    /// <summary>Seeded random parameters: each direction as <see cref="RecurrentParameters.Initialize"/> draws it, Wya Xavier-uniform, by = 0.</summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a per direction.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    /// <param name="init">How to draw each direction's weights.</param>
    public static BidirectionalRnnParameters Initialize(int nX, int nA, int nY, int seed, WeightInit init = WeightInit.XavierOrthogonal) =>
        Initialize(nX, nA, nY, seed, RecurrentCell.Rnn, init);

    /// <summary>
    /// Seeded random parameters of directions of the given cell, each as <see cref="RecurrentParameters.Initialize"/> draws
    /// it (an RNN direction with <paramref name="init"/>); Wya Xavier-uniform, by = 0.
    /// </summary>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a per direction.</param>
    /// <param name="nY">n_y.</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    /// <param name="cell">The cell of both directions.</param>
    /// <param name="init">How to draw an RNN direction's weights (gated cells draw PyTorch's uniform).</param>
    public static BidirectionalRnnParameters Initialize(int nX, int nA, int nY, int seed, RecurrentCell cell, WeightInit init = WeightInit.XavierOrthogonal)
    {
        var random = Seeds.Random(seed);
        RecurrentParameters Direction() => RecurrentParameters.Initialize(cell, nX, nA, 0, random.Next(), init);
        var forward = Direction();
        var backward = Direction();
        var wya = new Matrix(nY, 2 * nA);
        Initializers.XavierUniform(wya, random);
        return new BidirectionalRnnParameters(forward, backward, wya, new double[nY]);
    }

    /// <summary>
    /// Parameters read from a safetensors file saved by <see cref="ParameterFiles.Save"/>: n_x, n_a from "prefix.forward.Wax",
    /// n_y from "prefix.Wya", every value bit for bit; gated directions (a "prefix.forward.Baa" tensor) take n_a from
    /// "prefix.forward.Waa" and G = rows of Wax / n_a.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="prefix">The prefix they were saved under, e.g. "tagger"; "" for none.</param>
    /// <exception cref="InvalidDataException">The file is malformed, or a tensor is missing or of the wrong shape (the message names file and tensor).</exception>
    public static BidirectionalRnnParameters Load(string path, string prefix = "") => Load(SafeTensors.Read(path), prefix);

    /// <summary>Parameters from a file already read, e.g. one that also holds an embedding.</summary>
    /// <param name="file">The file.</param>
    /// <param name="prefix">The prefix they were saved under; "" for none.</param>
    public static BidirectionalRnnParameters Load(SafeTensorsFile file, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(file);
        var (rows, nX) = file.MatrixShape(NamedTensor.Join(prefix, "forward.Wax"));
        int nY = file.MatrixShape(NamedTensor.Join(prefix, "Wya")).Rows;
        if (!file.Contains(NamedTensor.Join(prefix, "forward.Baa")))
        {
            return ParameterFiles.Loaded(new BidirectionalRnnParameters(nX, rows, nY), file, prefix); // RNN directions: Wax is (n_a, n_x)
        }
        int nA = file.MatrixShape(NamedTensor.Join(prefix, "forward.Waa")).Cols;                     // gated: Wax is (G n_a, n_x)
        var cell = rows / nA == GruCell.Gates ? RecurrentCell.Gru : RecurrentCell.Lstm;
        var empty = new BidirectionalRnnParameters(new RecurrentParameters(cell, nX, nA, 0), new RecurrentParameters(cell, nX, nA, 0),
            new Matrix(nY, 2 * nA), new double[nY]);
        return ParameterFiles.Loaded(empty, file, prefix);
    }

    /// <summary>
    /// A direction's parameters or gradients without its empty output layer (Wya (0, n_a), by (0)), named "direction.Waa"
    /// and so on: Waa, Wax, Ba for the RNN; Wax, Waa, Bax, Baa for gated cells.
    /// </summary>
    /// <param name="direction">"forward" or "backward".</param>
    /// <param name="views">The direction's parameters or gradients.</param>
    internal static IEnumerable<ParameterView> Direction(string direction, IReadOnlyList<ParameterView> views) =>
        PrefixedViews.Of(direction, views.Where(v => v.Values.Length > 0).ToList());

    private static void CheckDirection(RecurrentParameters p, string name)
    {
        if (p.nY != 0)
        {
            throw new ArgumentException($"{name} has n_y = {p.nY}; a direction of a bidirectional RNN has no output layer (n_y = 0).", name);
        }
    }
}
