namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's GRU step in PyTorch's form (<see cref="GruCell"/>), for a batch of m columns:
/// r = σ(Wrx x + brx + Wra a&lt;t-1&gt; + bra), z = σ(Wzx x + bzx + Wza a&lt;t-1&gt; + bza), hn = Wna a&lt;t-1&gt; + bna,
/// n = tanh(Wnx x + bnx + r ⊙ hn), a&lt;t&gt; = (1 - z) ⊙ n + z ⊙ a&lt;t-1&gt;.
/// </summary>
/// <param name="Wax">Wax = [Wrx; Wzx; Wnx], the gates' input weights stacked by rows, shape (3 n_a, n_x).</param>
/// <param name="Waa">Waa = [Wra; Wza; Wna], shape (3 n_a, n_a).</param>
/// <param name="bax">bax = [brx; bzx; bnx], shape (3 n_a).</param>
/// <param name="baa">baa = [bra; bza; bna], shape (3 n_a).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <returns>new GruStep(r, z, n, hn, a), each (n_a, m).</returns>
public delegate GruStep GruForwardFunction(Matrix Wax, Matrix Waa, double[] bax, double[] baa, Matrix aPrev, Matrix x);
