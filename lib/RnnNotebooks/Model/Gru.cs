namespace RnnNotebooks;

/// <summary>
/// PyTorch's GRU over Tx steps with the note's output layer (see <see cref="GruCell"/> for the step and where Cho et
/// al. 2014 differ, and <see cref="GatedRnn"/> for the output layer, the loss and BPTT). Its parameters copy one to one
/// into <c>torch.nn.GRU</c> (weight_ih_l0 = Wax, weight_hh_l0 = Waa, bias_ih_l0 = bax, bias_hh_l0 = baa).
/// </summary>
public sealed class Gru : GatedRnn
{
    /// <summary>A GRU over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Wax (3 n_a, n_x), Waa (3 n_a, n_a), bax, baa (3 n_a), Wya (n_y, n_a), by (n_y).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    public Gru(GatedParameters parameters, Activation g2 = Activation.Softmax)
        : base(parameters, GruCell.Instance, g2)
    {
    }

    /// <summary>A GRU with seeded random weights (<see cref="GatedParameters.Initialize"/>).</summary>
    public static Gru Create(int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax) =>
        new(GatedParameters.Initialize(GruCell.Gates, nX, nA, nY, seed), g2);

    /// <summary>Forward propagation over all Tx steps: the GRU step for t = 1 .. Tx, then yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by) when n_y &gt; 0.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense).</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="cache">A cache to reuse when it fits; otherwise, or when null, a new one is made.</param>
    /// <returns>The cache: a&lt;0&gt; .. a&lt;Tx&gt;, the gates [r; z; n], Wna a&lt;t-1&gt; + bna, logits and yHat.</returns>
    /// <exception cref="ArgumentException">x or a0 does not fit the parameters.</exception>
    /// <exception cref="NonFiniteException">A parameter or a0 is NaN or infinite, or a&lt;t&gt; is at step t.</exception>
    public GatedCache Forward(SequenceBatch x, Matrix? a0 = null, GatedCache? cache = null) => ForwardCore(x, a0, null, cache);
}
