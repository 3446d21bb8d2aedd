namespace RnnNotebooks;

/// <summary>
/// The note's recurrent network over Tx steps, for a batch of m sequences: a <see cref="RecurrentLayer"/> of
/// <see cref="RnnCell"/>s,
/// <code>
/// a&lt;0&gt; = 0 (or given)
/// a&lt;t&gt;    = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)
/// yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by)
/// L        = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)     (w: per-step weights, 1 unless given)
/// </code>
/// <see cref="RecurrentLayer.Forward(SequenceBatch, Matrix?, Matrix?, RecurrentCache?)"/> runs the first three lines, <see cref="RecurrentLayer.Loss"/> the last, and
/// <see cref="RecurrentLayer.Backward"/> is backpropagation through time.
/// </summary>
public sealed class Rnn : RecurrentLayer
{
    /// <summary>A model over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Waa, Wax, Wya, ba, by of an RNN.</param>
    /// <param name="g1">Hidden activation: Tanh or Relu (Sigmoid and Identity also work).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    /// <exception cref="ArgumentException">g1 is Softmax, or the parameters are of another cell.</exception>
    /// <exception cref="ArgumentOutOfRangeException">g1 or g2 is not an activation this model takes (e.g. (Activation)42).</exception>
    public Rnn(RecurrentParameters parameters, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
        : base(RecurrentLayers.OfCell(parameters, RecurrentCell.Rnn), g1, g2)
    {
    }

    /// <summary>A model with seeded random weights (<see cref="RecurrentParameters.Initialize"/>).</summary>
    public static Rnn Create(int nX, int nA, int nY, int seed, Activation g1 = Activation.Tanh,
        Activation g2 = Activation.Softmax, WeightInit init = WeightInit.XavierOrthogonal) =>
        new(RecurrentParameters.Initialize(RecurrentCell.Rnn, nX, nA, nY, seed, init), g1, g2);
}
