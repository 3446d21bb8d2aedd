namespace RnnNotebooks;

/// <summary>The attention decoder's state after a step: s&lt;t&gt; (and an LSTM's c_dec&lt;t&gt;) and the weights alpha&lt;t,1..Tx&gt; it attended with.</summary>
/// <param name="S">s&lt;t&gt;, shape (n_s, 1).</param>
/// <param name="Alpha">alpha&lt;t,t'&gt; for t' = 1 .. Tx (element [t' - 1]); empty for the initial state.</param>
/// <param name="C">An LSTM decoder's cell state c_dec&lt;t&gt;, (n_s, 1); null for other cells.</param>
public sealed record AttentionState(Matrix S, IReadOnlyList<double> Alpha, Matrix? C = null);
