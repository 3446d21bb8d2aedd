using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// One recurrent layer of the application models, nn.RNN (tanh), nn.GRU or nn.LSTM, behind one call that takes and
/// returns a <see cref="TorchRecurrentState"/>, so a model is written once for the three cells. Time first: x is (Tx, m, n_x).
/// </summary>
public sealed class TorchRecurrentLayer : nn.Module
{
    private readonly nn.Module layer;

    /// <summary>The layer, float32, on the CPU until the owning module is moved with <c>.to(device)</c>.</summary>
    /// <param name="cell">nn.RNN, nn.GRU or nn.LSTM.</param>
    /// <param name="nX">n_x, the size of x&lt;t&gt;.</param>
    /// <param name="nA">n_a, the hidden units of each direction.</param>
    /// <param name="bidirectional">A second direction reading the sequence backwards; outputs are then (Tx, m, 2 n_a).</param>
    public TorchRecurrentLayer(RecurrentCell cell, long nX, long nA, bool bidirectional = false) : base(nameof(TorchRecurrentLayer))
    {
        Cell = cell;
        NA = nA;
        Directions = bidirectional ? 2 : 1;
        layer = TorchRecurrentModules.Create(cell, nX, nA, Activation.Tanh, bidirectional);
        RegisterComponents();
    }

    /// <summary>The cell.</summary>
    public RecurrentCell Cell { get; }

    /// <summary>n_a, the hidden units of each direction.</summary>
    public long NA { get; }

    /// <summary>1, or 2 when bidirectional.</summary>
    public int Directions { get; }

    /// <summary>a&lt;1..Tx&gt; (Tx, m, directions n_a) and the state after the last step, from padded (or unpadded) x.</summary>
    /// <param name="x">x&lt;1..Tx&gt;, (Tx, m, n_x).</param>
    /// <param name="state">a&lt;0&gt; (and c&lt;0&gt;); null for zeros.</param>
    public (Tensor Output, TorchRecurrentState State) forward(Tensor x, TorchRecurrentState? state = null) => layer switch
    {
        LSTM lstm => WithCell(lstm.call(x, state is null ? null : (state.A, state.C!))),
        GRU gru => WithoutCell(gru.call(x, state?.A)),
        _ => WithoutCell(((RNN)layer).call(x, state?.A)),
    };

    /// <summary>
    /// The same over packed sequences: each sequence stops at its own length, so the state returned is a&lt;T_x^(j)&gt; of
    /// each sequence j, and a backward direction starts at each sequence's own last step.
    /// </summary>
    /// <param name="x">x packed with <c>nn.utils.rnn.pack_padded_sequence</c>.</param>
    /// <param name="state">a&lt;0&gt; (and c&lt;0&gt;); null for zeros.</param>
    public (nn.utils.rnn.PackedSequence Output, TorchRecurrentState State) forward(nn.utils.rnn.PackedSequence x, TorchRecurrentState? state = null) => layer switch
    {
        LSTM lstm => WithCell(lstm.call(x, state is null ? null : (state.A, state.C!))),
        GRU gru => WithoutCell(gru.call(x, state?.A)),
        _ => WithoutCell(((RNN)layer).call(x, state?.A)),
    };

    private static (T Output, TorchRecurrentState State) WithCell<T>((T Output, Tensor A, Tensor C) result) =>
        (result.Output, new TorchRecurrentState(result.A, result.C));

    private static (T Output, TorchRecurrentState State) WithoutCell<T>((T Output, Tensor A) result) => (result.Output, new TorchRecurrentState(result.A, null));
}
