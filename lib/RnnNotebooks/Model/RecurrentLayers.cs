namespace RnnNotebooks;

/// <summary>Makes a recurrent layer of any <see cref="RecurrentCell"/>: from its parameters, or with seeded random weights.</summary>
public static class RecurrentLayers
{
    /// <summary>The number of gate blocks G of a cell: 1 (RNN), 3 (GRU), 4 (LSTM).</summary>
    public static int GatesOf(RecurrentCell cell) => cell switch
    {
        RecurrentCell.Rnn => 1,
        RecurrentCell.Gru => GruCell.Gates,
        RecurrentCell.Lstm => LstmCell.Gates,
        _ => throw new ArgumentOutOfRangeException(nameof(cell), cell, "expected RecurrentCell.Rnn, Gru or Lstm."),
    };

    /// <summary>The cell with G gate blocks: 1 the RNN, 3 the GRU, 4 the LSTM.</summary>
    /// <exception cref="ArgumentOutOfRangeException">G is not 1, 3 or 4.</exception>
    public static RecurrentCell CellWithGates(int gates) => gates switch
    {
        1 => RecurrentCell.Rnn,
        GruCell.Gates => RecurrentCell.Gru,
        LstmCell.Gates => RecurrentCell.Lstm,
        _ => throw new ArgumentOutOfRangeException(nameof(gates), gates, "expected G = 1 (RNN), 3 (GRU) or 4 (LSTM)."),
    };

    /// <summary>
    /// Seeded random parameters of a cell (<see cref="RecurrentParameters.Initialize"/>): Xavier-orthogonal for the RNN,
    /// exactly as <see cref="Rnn.Create"/> draws them, and PyTorch's uniform for GRU and LSTM.
    /// </summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0: no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    public static RecurrentParameters Initialize(RecurrentCell cell, int nX, int nA, int nY, int seed) =>
        RecurrentParameters.Initialize(cell, nX, nA, nY, seed);

    /// <summary>Zero parameters of a cell, e.g. to read a saved model into.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0: no output layer).</param>
    public static RecurrentParameters Zeros(RecurrentCell cell, int nX, int nA, int nY) => new(cell, nX, nA, nY);

    /// <summary>The layer that runs these parameters (not copied: training updates them): an <see cref="Rnn"/>, <see cref="Gru"/> or <see cref="Lstm"/>.</summary>
    /// <param name="parameters">The parameters of any cell.</param>
    /// <param name="g1">The RNN's hidden activation; gated cells have theirs fixed and ignore it.</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity.</param>
    public static RecurrentLayer Over(RecurrentParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Cell switch
        {
            RecurrentCell.Rnn => new Rnn(parameters, g1, g2),
            RecurrentCell.Gru => new Gru(parameters, g2),
            _ => new Lstm(parameters, g2),
        };
    }

    /// <summary>A layer of the given cell with seeded random weights (<see cref="Initialize"/>): for the RNN the draws of <see cref="Rnn.Create"/>.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="nX">n_x.</param>
    /// <param name="nA">n_a.</param>
    /// <param name="nY">n_y (0: no output layer).</param>
    /// <param name="seed">Random seed: the same seed gives the same bits.</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity.</param>
    /// <param name="g1">The RNN's hidden activation; gated cells have theirs fixed and ignore it.</param>
    public static RecurrentLayer Create(RecurrentCell cell, int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax, Activation g1 = Activation.Tanh) =>
        Over(Initialize(cell, nX, nA, nY, seed), g1, g2);

    /// <summary><paramref name="parameters"/> when they are of <paramref name="cell"/>, else an exception naming both cells and G.</summary>
    internal static RecurrentParameters OfCell(RecurrentParameters parameters, RecurrentCell cell)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return parameters.Cell == cell ? parameters : throw new ArgumentException(
            $"a {cell} layer needs G = {GatesOf(cell)} gate blocks; these parameters are of a {parameters.Cell} cell with G = {parameters.Gates}.", nameof(parameters));
    }


    /// <summary>Throws unless c0 is null: <paramref name="layer"/> has no cell state c&lt;t&gt;.</summary>
    internal static void NoCellState(Matrix? c0, string layer)
    {
        if (c0 is not null)
        {
            throw new ArgumentException($"c0 was given ({c0.Rows}, {c0.Cols}), but a {layer} has no cell state c<t>: pass null (only an LSTM takes c0).", nameof(c0));
        }
    }
}
