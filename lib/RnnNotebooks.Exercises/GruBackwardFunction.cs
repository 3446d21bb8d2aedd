namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's GRU backward step, from dL/da&lt;t&gt; (σ' = s(1 - s), tanh' = 1 - n²):
/// dGn = da ⊙ (1 - z) ⊙ (1 - n²), dGz = da ⊙ (a&lt;t-1&gt; - n) ⊙ z(1 - z), dGr = dGn ⊙ hn ⊙ r(1 - r);
/// the input side dGx = [dGr; dGz; dGn], the recurrent side dGa = [dGr; dGz; dGn ⊙ r] (r multiplies Wna a&lt;t-1&gt; + bna only);
/// dWax = dGx xᵀ, dWaa = dGa a&lt;t-1&gt;ᵀ, dbax and dbaa their row sums, da&lt;t-1&gt; = da ⊙ z + Waaᵀ dGa.
/// </summary>
/// <param name="da">dL/da&lt;t&gt;, shape (n_a, m).</param>
/// <param name="step">The forward step's r, z, n, hn, a&lt;t&gt; (the library's), each (n_a, m).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <param name="Waa">Waa = [Wra; Wza; Wna], shape (3 n_a, n_a).</param>
/// <returns>new GruStepGradients(dWax, dWaa, dbax, dbaa, daPrev).</returns>
public delegate GruStepGradients GruBackwardFunction(Matrix da, GruStep step, Matrix aPrev, Matrix x, Matrix Waa);
