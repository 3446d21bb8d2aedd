namespace RnnNotebooks;

/// <summary>
/// One recurrent cell on stacked weights, as PyTorch's RNNBase sees its cells: G gate blocks of n_a rows each in
/// Wax (G n_a, n_x) and Waa (G n_a, n_a), with the input-side bias bax (G n_a) and the recurrent-side bias baa (G n_a;
/// empty for the note's RNN, whose one bias ba is bax). <see cref="RnnCell"/> (G = 1), <see cref="GruCell"/> (G = 3) and
/// <see cref="LstmCell"/> (G = 4, with a cell state c&lt;t&gt;) implement it; a recurrent layer calls
/// <see cref="Forward"/> once per step and <see cref="Backward"/> once per step of BPTT, for the whole batch, and neither
/// allocates.
/// </summary>
public interface IRecurrentCell
{
    /// <summary>Which cell this is.</summary>
    RecurrentCell Kind { get; }

    /// <summary>G, the number of gate blocks: 1 (RNN), 3 (GRU), 4 (LSTM).</summary>
    int Gates { get; }

    /// <summary>True when the cell carries a cell state c&lt;t&gt; besides a&lt;t&gt; (the LSTM).</summary>
    bool HasCellState { get; }

    /// <summary>
    /// True when the gradients of the input side (Wax x&lt;t&gt; + bax) and of the recurrent side (Waa a&lt;t-1&gt; + baa) of
    /// the gates' pre-activations are equal in every row, so <see cref="Backward"/> writes only dGx (RNN, LSTM); false for
    /// the GRU, whose reset gate multiplies the recurrent side of n alone. Derived from <see cref="SharedGateRows"/>, so
    /// the two cannot disagree.
    /// </summary>
    bool SharesGateGradient => SharedGateRows(1) == Gates;

    /// <summary>
    /// How many leading rows of dGa equal dGx's, for n_a = <paramref name="nA"/>: all G n_a for the RNN and the LSTM,
    /// the GRU's 2 n_a (its r and z blocks). BPTT keeps only dGa's other rows, and the weight gradients read these from
    /// dGx's blocks.
    /// </summary>
    int SharedGateRows(int nA);

    /// <summary>One forward step for the batch: writes a&lt;t&gt; (and c&lt;t&gt;, the gates, the extra block) into <paramref name="step"/>.</summary>
    /// <param name="w">The stacked weights Wax, Waa, bax, baa.</param>
    /// <param name="x">x&lt;t&gt;: a dense (n_x, m) matrix or m token indices (one-hot).</param>
    /// <param name="step">The step's states and buffers: reads a&lt;t-1&gt; (and c&lt;t-1&gt;), writes the rest.</param>
    void Forward(in CellWeights w, StepInput x, in CellStep step);

    /// <summary>
    /// One backward step, elementwise: from dL/da&lt;t&gt; to the gradients of the gates' pre-activations, and the part of
    /// dL/da&lt;t-1&gt; that does not go through Waa (the caller adds Waa^T dGa).
    /// </summary>
    /// <param name="step">The forward step's states and buffers.</param>
    /// <param name="da">dL/da&lt;t&gt;, (n_a, m); left unchanged.</param>
    /// <param name="dc">LSTM: on entry dL/dc&lt;t&gt; through step t + 1, on exit dL/dc&lt;t-1&gt;, (n_a, m); unused by the others.</param>
    /// <param name="dGx">Written: dL/d(Wax x&lt;t&gt; + bax), (G n_a, m).</param>
    /// <param name="dGa">Written unless <see cref="SharesGateGradient"/>: dL/d(Waa a&lt;t-1&gt; + baa), (G n_a, m).</param>
    /// <param name="daPrev">Written: dL/da&lt;t-1&gt; except Waa^T dGa, (n_a, m).</param>
    void Backward(in CellStep step, Matrix da, Matrix dc, Matrix dGx, Matrix dGa, Matrix daPrev);
}
