namespace RnnNotebooks;

/// <summary>Makes a recurrent layer of any <see cref="RecurrentCell"/>: from its parameters, or with seeded random weights.</summary>
public static class RecurrentLayers
{
    /// <summary>The number of gate blocks G of a gated cell: 3 (GRU), 4 (LSTM); 1 for the RNN.</summary>
    public static int GatesOf(RecurrentCell cell) => cell switch
    {
        RecurrentCell.Rnn => 1,
        RecurrentCell.Gru => GruCell.Gates,
        RecurrentCell.Lstm => LstmCell.Gates,
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "expected RecurrentCell.Rnn, Gru or Lstm."),
    };

    /// <summary>
    /// Seeded random parameters of a cell: <see cref="RnnParameters.Initialize"/> (Xavier-orthogonal) for the RNN, exactly
    /// as <see cref="Rnn.Create"/> draws them, and <see cref="GatedParameters.Initialize"/> (PyTorch's uniform) for GRU and LSTM.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0: no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    public static IRecurrentParameters Initialize(RecurrentCell cell, int nX, int nA, int nY, int seed) => cell == RecurrentCell.Rnn
        ? RnnParameters.Initialize(nX, nA, nY, seed)
        : GatedParameters.Initialize(GatesOf(cell), nX, nA, nY, seed);

    /// <summary>Zero parameters of a cell, e.g. to read a saved model into: <see cref="RnnParameters"/> or <see cref="GatedParameters"/> with G gates.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0: no output layer).</param>
    public static IRecurrentParameters Zeros(RecurrentCell cell, int nX, int nA, int nY) => cell == RecurrentCell.Rnn
        ? new RnnParameters(nX, nA, nY)
        : new GatedParameters(GatesOf(cell), nX, nA, nY);

    /// <summary>The layer that runs these parameters (not copied: training updates them).</summary>
    /// <param name="parameters"><see cref="RnnParameters"/> (an <see cref="Rnn"/>) or <see cref="GatedParameters"/> with G = 3 (a <see cref="Gru"/>) or 4 (an <see cref="Lstm"/>).</param>
    /// <param name="g1">The RNN's hidden activation; gated cells have theirs fixed and ignore it.</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity.</param>
    /// <exception cref="ArgumentException">The parameters are of a kind no layer runs.</exception>
    public static IRecurrentLayer Over(IRecurrentParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters switch
        {
            RnnParameters p => new Rnn(p, g1, g2),
            GatedParameters { Gates: GruCell.Gates } p => new Gru(p, g2),
            GatedParameters p => new Lstm(p, g2),
            _ => throw new ArgumentException($"parameters of type {parameters.GetType().Name}: expected RnnParameters or GatedParameters.", nameof(parameters)),
        };
    }

    /// <summary>A layer of the given cell with seeded random weights (<see cref="Initialize"/>).</summary>
    public static IRecurrentLayer Create(RecurrentCell cell, int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax) =>
        Over(Initialize(cell, nX, nA, nY, seed), Activation.Tanh, g2);

    /// <summary>
    /// The typed cache a layer of type <typeparamref name="TCache"/> works on, or an exception naming both kinds when
    /// <paramref name="cache"/> came from another kind of layer.
    /// </summary>
    internal static TCache Own<TCache>(IRecurrentCache cache, string layer) where TCache : class, IRecurrentCache
    {
        ArgumentNullException.ThrowIfNull(cache);
        return cache as TCache
            ?? throw new ArgumentException($"the cache is a {cache.GetType().Name}, made by another kind of layer; this {layer} needs a {typeof(TCache).Name}.", nameof(cache));
    }

    /// <summary>
    /// <paramref name="part"/> as the RNN's type <typeparamref name="T"/> for a member that predates other cells, or an
    /// exception naming the member and the one to use instead when the part is of GRU or LSTM cells.
    /// </summary>
    internal static T AsRnn<T>(object part, string member, string instead) where T : class =>
        part as T ?? throw new InvalidOperationException($"{member} is an RNN's {typeof(T).Name}, but this one is a {part.GetType().Name} of GRU or LSTM cells: use {instead}.");

    /// <summary>Throws unless c0 is null: <paramref name="layer"/> has no cell state c&lt;t&gt;.</summary>
    internal static void NoCellState(Matrix? c0, string layer)
    {
        if (c0 is not null)
        {
            throw new ArgumentException($"c0 was given ({c0.Rows}, {c0.Cols}), but a {layer} has no cell state c<t>: pass null (only an LSTM takes c0).", nameof(c0));
        }
    }
}
