namespace RnnNotebooks;

/// <summary>
/// Which recurrent cell a layer runs at every step: the note's RNN, PyTorch's GRU or PyTorch's LSTM; in the TorchSharp
/// application models (RnnNotebooks.Torch), which of nn.RNN, nn.GRU and nn.LSTM they use.
/// </summary>
public enum RecurrentCell
{
    /// <summary>a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) (<see cref="RnnNotebooks.Rnn"/>).</summary>
    Rnn,

    /// <summary>Gated recurrent unit, gates r, z, n (<see cref="RnnNotebooks.Gru"/>).</summary>
    Gru,

    /// <summary>Long short-term memory, gates i, f, g, o and a cell state c&lt;t&gt; (<see cref="RnnNotebooks.Lstm"/>).</summary>
    Lstm,
}
