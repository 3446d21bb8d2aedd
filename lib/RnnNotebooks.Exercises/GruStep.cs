namespace RnnNotebooks.Exercises;

/// <summary>One GRU step's values for a batch (see <see cref="GruForwardFunction"/>), each of shape (n_a, m).</summary>
/// <param name="r">r&lt;t&gt; = σ(Wrx x&lt;t&gt; + brx + Wra a&lt;t-1&gt; + bra), the reset gate.</param>
/// <param name="z">z&lt;t&gt; = σ(Wzx x&lt;t&gt; + bzx + Wza a&lt;t-1&gt; + bza), the update gate.</param>
/// <param name="n">n&lt;t&gt; = tanh(Wnx x&lt;t&gt; + bnx + r&lt;t&gt; ⊙ hn), the candidate.</param>
/// <param name="hn">hn = Wna a&lt;t-1&gt; + bna, the recurrent part of n that r multiplies (the backward step needs it).</param>
/// <param name="a">a&lt;t&gt; = (1 - z&lt;t&gt;) ⊙ n&lt;t&gt; + z&lt;t&gt; ⊙ a&lt;t-1&gt;.</param>
public sealed record GruStep(Matrix r, Matrix z, Matrix n, Matrix hn, Matrix a);
