namespace RnnNotebooks;

/// <summary>
/// A recurrent layer of any cell kind with the note's output layer: <see cref="Rnn"/>, <see cref="Gru"/> or
/// <see cref="Lstm"/>. Over x&lt;1&gt; .. x&lt;Tx&gt; (m sequences of n_x-vectors) from (a&lt;0&gt;[, c&lt;0&gt;]):
/// <code>
/// (a&lt;t&gt;[, c&lt;t&gt;]) = cell(x&lt;t&gt;, a&lt;t-1&gt;[, c&lt;t-1&gt;])      (n_a, m) each
/// yHat&lt;t&gt;         = g2(Wya a&lt;t&gt; + by)                         (n_y, m)
/// L                = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j)
/// </code>
/// and backpropagation through time from dL/dyHat, dALast = dL/da&lt;Tx&gt;, dCLast = dL/dc&lt;Tx&gt; (LSTM) and dAFromAbove.
/// The bidirectional wrapper, the encoder-decoders and the <see cref="Trainer"/> work through this interface, so any of
/// them can swap its cell. The classes' own typed members (e.g. <see cref="Rnn.Forward"/>) stay the way to call one cell.
/// </summary>
public interface IRecurrentLayer
{
    /// <summary>The cell run at every step.</summary>
    RecurrentCell Cell { get; }

    /// <summary>n_x, n_a, n_y.</summary>
    (int nX, int nA, int nY) Sizes { get; }

    /// <summary>g2, the output activation.</summary>
    Activation G2 { get; }

    /// <summary>The per-step loss that goes with g2.</summary>
    LossKind LossKind { get; }

    /// <summary>The parameters (live: training updates them).</summary>
    IRecurrentParameters Parameters { get; }

    /// <summary>Forward propagation over all Tx steps from the initial state(s).</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;: m sequences of n_x-vectors (one-hot or dense).</param>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt;, shape (n_a, m), for an LSTM; null for zeros (and always null for a cell without one).</param>
    /// <param name="cache">A cache of this layer to reuse when it fits; otherwise, or when null, a new one is made.</param>
    /// <returns>The cache: a&lt;t&gt;, the final state(s), logits and yHat&lt;t&gt;.</returns>
    /// <exception cref="ArgumentException">x, a0 or c0 does not fit (the message names it and its expected shape), or c0 is given to a cell without a cell state.</exception>
    IRecurrentCache Forward(SequenceBatch x, Matrix? a0, Matrix? c0, IRecurrentCache? cache);

    /// <summary>L = sum over t and samples j of w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j).</summary>
    /// <exception cref="ArgumentException">The cache was made by another kind of layer.</exception>
    double Loss(IRecurrentCache cache, SequenceTargets y);

    /// <summary>Backpropagation through time.</summary>
    /// <param name="cache">The cache of this layer's forward pass.</param>
    /// <param name="y">Targets for the output layer; null when only <see cref="BackwardOptions"/> gradients flow in.</param>
    /// <param name="options">dALast, dCLast (LSTM only), dAFromAbove, and whether to return dX and dA.</param>
    /// <param name="gradients">Gradients of this layer to overwrite when they fit; otherwise, or when null, new ones.</param>
    /// <returns>The gradients: parameters, dA0, dC0 (LSTM), dX and dA when asked.</returns>
    IRecurrentGradients Backward(IRecurrentCache cache, SequenceTargets? y, BackwardOptions? options, IRecurrentGradients? gradients);
}
