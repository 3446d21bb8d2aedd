namespace RnnNotebooks;

/// <summary>
/// PyTorch's GRU over Tx steps with the note's output layer: a <see cref="RecurrentLayer"/> of <see cref="GruCell"/>s
/// (see there for the step and where Cho et al. 2014 differ). Its parameters copy one to one into <c>torch.nn.GRU</c>
/// (weight_ih_l0 = Wax, weight_hh_l0 = Waa, bias_ih_l0 = bax, bias_hh_l0 = baa).
/// </summary>
public sealed class Gru : RecurrentLayer
{
    /// <summary>A GRU over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Wax (3 n_a, n_x), Waa (3 n_a, n_a), bax, baa (3 n_a), Wya (n_y, n_a), by (n_y).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    /// <exception cref="ArgumentException">The parameters are of another cell.</exception>
    public Gru(RecurrentParameters parameters, Activation g2 = Activation.Softmax)
        : base(RecurrentLayers.OfCell(parameters, RecurrentCell.Gru), Activation.Tanh, g2)
    {
    }

    /// <summary>A GRU with seeded random weights (<see cref="RecurrentParameters.Initialize"/>).</summary>
    public static Gru Create(int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax) =>
        new(RecurrentParameters.Initialize(RecurrentCell.Gru, nX, nA, nY, seed), g2);
}
