using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>What a <see cref="TorchTranslationModule"/> decoder step reads and updates.</summary>
/// <param name="h">h&lt;1..Tx&gt;, the encoder states, (Tx, m, n_s).</param>
/// <param name="keys">k&lt;1..Tx&gt; = We h, (Tx, m, n_att).</param>
/// <param name="real">(Tx, m) bool: true on real inputs, false on padding.</param>
/// <param name="state">s&lt;0&gt; (and the LSTM's cell), (1, m, n_s).</param>
internal sealed class DecoderMemory(Tensor h, Tensor keys, Tensor real, TorchRecurrentState state)
{
    /// <summary>h&lt;1..Tx&gt;.</summary>
    public Tensor H { get; } = h;

    /// <summary>k&lt;1..Tx&gt;.</summary>
    public Tensor Keys { get; } = keys;

    /// <summary>The padding mask.</summary>
    public Tensor Real { get; } = real;

    /// <summary>s&lt;t-1&gt; before a step, s&lt;t&gt; after it.</summary>
    public TorchRecurrentState State { get; set; } = state;

    /// <summary>alpha&lt;t, 1..Tx&gt; (Tx, m) of the last step; null before the first.</summary>
    public Tensor? Alpha { get; set; }
}
