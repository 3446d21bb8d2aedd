namespace RnnNotebooks;

/// <summary>
/// PyTorch's LSTM over Tx steps with the note's output layer (see <see cref="LstmCell"/> for the step and
/// <see cref="GatedRnn"/> for the output layer, the loss and BPTT). Its parameters copy one to one into
/// <c>torch.nn.LSTM</c> (weight_ih_l0 = Wax, weight_hh_l0 = Waa, bias_ih_l0 = bax, bias_hh_l0 = baa; gates i, f, g, o).
/// </summary>
public sealed class Lstm : GatedRnn
{
    /// <summary>An LSTM over the given parameters (not copied: training updates them).</summary>
    /// <param name="parameters">Wax (4 n_a, n_x), Waa (4 n_a, n_a), bax, baa (4 n_a), Wya (n_y, n_a), by (n_y).</param>
    /// <param name="g2">Output activation: Softmax, Sigmoid or Identity; it fixes the loss.</param>
    public Lstm(GatedParameters parameters, Activation g2 = Activation.Softmax)
        : base(parameters, LstmCell.Instance, g2)
    {
    }

    /// <summary>An LSTM with seeded random weights (<see cref="GatedParameters.Initialize"/>).</summary>
    public static Lstm Create(int nX, int nA, int nY, int seed, Activation g2 = Activation.Softmax) =>
        new(GatedParameters.Initialize(LstmCell.Gates, nX, nA, nY, seed), g2);

    /// <summary>Forward propagation over all Tx steps: the LSTM step for t = 1 .. Tx, then yHat&lt;t&gt; = g2(Wya a&lt;t&gt; + by) when n_y &gt; 0.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense).</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="cache">A cache to reuse when it fits; otherwise, or when null, a new one is made.</param>
    /// <returns>The cache: a&lt;t&gt;, c&lt;t&gt;, the gates [i; f; g; o], tanh(c&lt;t&gt;), logits and yHat.</returns>
    /// <exception cref="ArgumentException">x, a0 or c0 does not fit the parameters.</exception>
    /// <exception cref="NonFiniteException">A parameter, a0 or c0 is NaN or infinite, or a&lt;t&gt; is at step t.</exception>
    public GatedCache Forward(SequenceBatch x, Matrix? a0 = null, Matrix? c0 = null, GatedCache? cache = null) => ForwardCore(x, a0, c0, cache);
}
