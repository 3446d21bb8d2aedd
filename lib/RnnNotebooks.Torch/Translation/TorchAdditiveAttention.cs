using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>Additive (Bahdanau) attention as a TorchSharp module: the core's <see cref="AdditiveAttention"/> written with autograd.</summary>
/// <remarks>
/// <code>
/// k&lt;t'&gt;       = We h&lt;t'&gt;                          (Tx, m, n_att)  the keys, once per batch (<see cref="Keys"/>)
/// e&lt;t,t'&gt;     = v^T tanh(Wd s&lt;t-1&gt; + k&lt;t'&gt;)       (Tx, m)         -inf where t' is padding
/// alpha&lt;t,t'&gt; = softmax over t' of e&lt;t,t'&gt;          (Tx, m)
/// c&lt;t&gt;         = sum_t' alpha&lt;t,t'&gt; h&lt;t'&gt;           (m, n_h)
/// </code>
/// </remarks>
public sealed class TorchAdditiveAttention : nn.Module
{
    private readonly TorchSharp.Modules.Linear wd;
    private readonly TorchSharp.Modules.Linear we;
    private readonly TorchSharp.Modules.Linear v;

    /// <summary>The three weight matrices, without biases as in the core.</summary>
    /// <param name="nS">n_s, the decoder's state size.</param>
    /// <param name="nH">n_h, the encoder's state size.</param>
    /// <param name="nAtt">n_att, the units that score.</param>
    public TorchAdditiveAttention(long nS, long nH, long nAtt) : base(nameof(TorchAdditiveAttention))
    {
        wd = nn.Linear(nS, nAtt, hasBias: false);
        we = nn.Linear(nH, nAtt, hasBias: false);
        v = nn.Linear(nAtt, 1, hasBias: false);
        RegisterComponents();
    }

    /// <summary>k&lt;t'&gt; = We h&lt;t'&gt;, (Tx, m, n_att): computed once, read at every decoder step.</summary>
    /// <param name="h">The encoder states h&lt;1..Tx&gt;, (Tx, m, n_h).</param>
    public Tensor Keys(Tensor h) => we.call(h);

    /// <summary>The context c&lt;t&gt; (m, n_h) and the weights alpha&lt;t, 1..Tx&gt; (Tx, m).</summary>
    /// <param name="s">s&lt;t-1&gt;, the decoder's state, (m, n_s).</param>
    /// <param name="keys">k&lt;1..Tx&gt; from <see cref="Keys"/>.</param>
    /// <param name="h">h&lt;1..Tx&gt;, (Tx, m, n_h).</param>
    /// <param name="real">(Tx, m) bool: true where t' is a real input, false on padding.</param>
    public (Tensor Context, Tensor Alpha) forward(Tensor s, Tensor keys, Tensor h, Tensor real)
    {
        var e = v.call(tanh(wd.call(s).unsqueeze(0) + keys)).squeeze(-1);                  // e<t,t'> = v^T tanh(Wd s<t-1> + k<t'>)
        var alpha = softmax(e.masked_fill(real.logical_not(), double.NegativeInfinity), 0);  // softmax over the real t'
        return ((alpha.unsqueeze(-1) * h).sum(dim: 0), alpha);                                  // c<t> = sum_t' alpha<t,t'> h<t'>
    }
}
