namespace RnnNotebooks;

/// <summary>
/// PyTorch's LSTM over Tx steps with the note's output layer: a <see cref="RecurrentLayer"/> of <see cref="LstmCell"/>s
/// (see there for the step). Its parameters copy one to one into <c>torch.nn.LSTM</c> (weight_ih_l0 = Wax,
/// weight_hh_l0 = Waa, bias_ih_l0 = bax, bias_hh_l0 = baa; gates i, f, g, o).
/// </summary>
public sealed class Lstm : RecurrentLayer
{
    /// <summary>An LSTM over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Wax (4 n_a, n_x), Waa (4 n_a, n_a), bax, baa (4 n_a), Wya (n_y, n_a), by (n_y).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    /// <exception cref="ArgumentException">The parameters are of another cell.</exception>
    public Lstm(RecurrentParameters parameters, Activation g2 = Activation.Softmax)
        : base(RecurrentLayers.OfCell(parameters, RecurrentCell.Lstm), Activation.Tanh, g2)
    {
    }

    /// <summary>An LSTM with seeded random weights (<see cref="RecurrentParameters.Initialize"/>).</summary>
    public static Lstm Create(int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax) =>
        new(RecurrentParameters.Initialize(RecurrentCell.Lstm, nX, nA, nY, seed), g2);
}
