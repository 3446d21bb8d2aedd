namespace RnnNotebooks.Tasks;

/// <summary>
/// The recurrent part of a <see cref="NerTagger"/> over dense inputs x&lt;t&gt; (n_x, m): a recurrent layer of any cell with a
/// softmax head or a <see cref="BidirectionalRnn"/> of any cell, behind one surface so the tagger has no case for either.
/// It keeps the cache of its last <see cref="Forward"/> and the gradients of its last <see cref="Backward"/>.
/// </summary>
internal interface ITagHead
{
    /// <summary>Which network this is.</summary>
    TaggerDirection Direction { get; }

    /// <summary>n_x, n_a (per direction), n_y.</summary>
    (int nX, int nA, int nY) Sizes { get; }

    /// <summary>The recurrent cell of the direction(s).</summary>
    RecurrentCell Cell { get; }

    /// <summary>The RNN's hidden activation g1 (tanh for a GRU or LSTM; the head is softmax).</summary>
    Activation G1 { get; }

    /// <summary>Every parameter, in a fixed order.</summary>
    IReadOnlyList<ParameterView> Tensors { get; }

    /// <summary>The gradients of the last <see cref="Backward"/>, in the order of <see cref="Tensors"/> (zeros before one).</summary>
    IReadOnlyList<ParameterView> GradientTensors { get; }

    /// <summary>The parameters as one set, for saving and loading.</summary>
    IParameterSet Parameters { get; }

    /// <summary>Runs the network over x, samples padded at the end to their lengths.</summary>
    void Forward(SequenceBatch x, int[] lengths);

    /// <summary>yHat&lt;t&gt; (n_y, m) of the last forward pass, t = 1 .. Tx.</summary>
    Matrix YHat(int t);

    /// <summary>The logits Wya a&lt;t&gt; + by (n_y, m) of the last forward pass, t = 1 .. Tx: a CRF's emission scores.</summary>
    Matrix Logits(int t);

    /// <summary>L of the last forward pass against y (weights 0 mask the padding).</summary>
    double Loss(SequenceTargets y);

    /// <summary>BPTT of the last forward pass; returns dx&lt;t&gt; (n_x, m) at [t - 1].</summary>
    IReadOnlyList<Matrix> Backward(SequenceTargets y);

    /// <summary>BPTT of the last forward pass from dL/dlogits&lt;t&gt; (n_y, m) at [t - 1] (0 on the padding), for a loss over the
    /// logits other than the softmax's (a CRF); returns dx&lt;t&gt; (n_x, m) at [t - 1].</summary>
    IReadOnlyList<Matrix> BackwardFromLogits(IReadOnlyList<Matrix> dZ);
}
