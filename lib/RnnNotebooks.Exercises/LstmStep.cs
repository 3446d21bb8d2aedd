namespace RnnNotebooks.Exercises;

/// <summary>One LSTM step's values for a batch (see <see cref="LstmForwardFunction"/>), each of shape (n_a, m).</summary>
/// <param name="i">i&lt;t&gt; = σ(Wix x&lt;t&gt; + bix + Wia a&lt;t-1&gt; + bia), the input gate.</param>
/// <param name="f">f&lt;t&gt; = σ(Wfx x&lt;t&gt; + bfx + Wfa a&lt;t-1&gt; + bfa), the forget gate.</param>
/// <param name="g">g&lt;t&gt; = tanh(Wgx x&lt;t&gt; + bgx + Wga a&lt;t-1&gt; + bga), the candidate.</param>
/// <param name="o">o&lt;t&gt; = σ(Wox x&lt;t&gt; + box + Woa a&lt;t-1&gt; + boa), the output gate.</param>
/// <param name="c">c&lt;t&gt; = f ⊙ c&lt;t-1&gt; + i ⊙ g, the cell state.</param>
/// <param name="a">a&lt;t&gt; = o ⊙ tanh(c&lt;t&gt;).</param>
public sealed record LstmStep(Matrix i, Matrix f, Matrix g, Matrix o, Matrix c, Matrix a);
