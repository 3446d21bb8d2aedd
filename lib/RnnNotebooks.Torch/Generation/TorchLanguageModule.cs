using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>
/// Notebook 07's token language model as a TorchSharp module, float32. p(token&lt;t&gt; | token&lt;0..t-1&gt;) = softmax(z&lt;t&gt;), with
/// <code>
/// x&lt;t&gt;  = E[token&lt;t-1&gt;]                  nn.Embedding(V, n_e); token&lt;0&gt; is the boundary &lt;s&gt;: (Tx, m, n_e)
/// a&lt;t&gt;  = RNN / GRU / LSTM(x&lt;t&gt;, a&lt;t-1&gt;)   (Tx, m, n_a); the state is returned, so sampling can go on step by step
/// z&lt;t&gt;  = Wya a&lt;t&gt; + by                   nn.Linear(n_a, V): the logits of token&lt;t&gt;, (Tx, m, V)
/// </code>
/// Padding at the end of a shorter sequence needs no packing here: a step only sees the steps before it, so the padded
/// steps change nothing before them, and the loss ignores their targets.
/// </summary>
public sealed class TorchLanguageModule : nn.Module
{
    private readonly TorchSharp.Modules.Embedding tokens;
    private readonly TorchRecurrentLayer recurrent;
    private readonly TorchSharp.Modules.Linear output;

    /// <summary>The layers, with weights from torch's generator (seed it first with <c>torch.random.manual_seed</c>).</summary>
    /// <param name="vocabulary">V = n_y, the number of tokens, the boundary (id 0) included.</param>
    /// <param name="nE">n_e, the size of a token's vector.</param>
    /// <param name="nA">n_a, hidden units.</param>
    /// <param name="cell">nn.RNN (tanh), nn.GRU or nn.LSTM.</param>
    public TorchLanguageModule(int vocabulary, int nE, int nA, RecurrentCell cell) : base(nameof(TorchLanguageModule))
    {
        Vocabulary = vocabulary;
        tokens = nn.Embedding(vocabulary, nE);
        recurrent = new TorchRecurrentLayer(cell, nE, nA);
        output = nn.Linear(nA, vocabulary);
        RegisterComponents();
    }

    /// <summary>V, the number of tokens.</summary>
    public int Vocabulary { get; }

    /// <summary>The logits z&lt;1..Tx&gt; (Tx, m, V) and the state after the last step.</summary>
    /// <param name="inputIds">token&lt;0..Tx-1&gt;, (Tx, m) int64.</param>
    /// <param name="state">a&lt;0&gt; (and c&lt;0&gt;), or null for zeros.</param>
    /// <exception cref="ArgumentOutOfRangeException">An id outside [0, V) (named with its step and sequence).</exception>
    public (Tensor Logits, TorchRecurrentState State) forward(Tensor inputIds, TorchRecurrentState? state = null)
    {
        TokenIds.Check(inputIds, Vocabulary, nameof(inputIds));
        var (a, next) = recurrent.forward(tokens.call(inputIds), state);   // a<t> from x<t> = E[token<t-1>]
        return (output.call(a), next);                                     // z<t> = Wya a<t> + by
    }
}
