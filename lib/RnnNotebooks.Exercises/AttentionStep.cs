namespace RnnNotebooks.Exercises;

/// <summary>What one step of additive attention gives back (see <see cref="AttentionStepFunction"/>).</summary>
/// <param name="e">The scores e&lt;t,t'&gt; = vᵀ tanh(Wd s&lt;t-1&gt; + We h&lt;t'&gt;) in row t' - 1, shape (Tx, m).</param>
/// <param name="alpha">The weights alpha&lt;t,t'&gt; = softmax over t' of e, in row t' - 1, shape (Tx, m): each column sums to 1.</param>
/// <param name="context">The context c&lt;t&gt; = sum over t' of alpha&lt;t,t'&gt; h&lt;t'&gt;, shape (n_h, m).</param>
public sealed record AttentionStep(Matrix e, Matrix alpha, Matrix context);
