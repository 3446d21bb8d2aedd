namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's LSTM step in PyTorch's form (<see cref="LstmCell"/>), for a batch of m columns: the four gates
/// i, f, o = σ(W.x x + b.x + W.a a&lt;t-1&gt; + b.a) and g = tanh(...), then c&lt;t&gt; = f ⊙ c&lt;t-1&gt; + i ⊙ g and
/// a&lt;t&gt; = o ⊙ tanh(c&lt;t&gt;).
/// </summary>
/// <param name="Wax">Wax = [Wix; Wfx; Wgx; Wox], the gates' input weights stacked by rows in PyTorch's order, shape (4 n_a, n_x).</param>
/// <param name="Waa">Waa = [Wia; Wfa; Wga; Woa], shape (4 n_a, n_a).</param>
/// <param name="bax">bax = [bix; bfx; bgx; box], shape (4 n_a).</param>
/// <param name="baa">baa = [bia; bfa; bga; boa], shape (4 n_a).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="cPrev">c&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <returns>new LstmStep(i, f, g, o, c, a), each (n_a, m).</returns>
public delegate LstmStep LstmForwardFunction(Matrix Wax, Matrix Waa, double[] bax, double[] baa, Matrix aPrev, Matrix cPrev, Matrix x);
