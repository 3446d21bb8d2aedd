namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's LSTM backward step (σ' = s(1 - s), tanh' = 1 - tanh²): the cell state's whole gradient
/// dc&lt;t&gt; = dc + da ⊙ o ⊙ (1 - tanh²(c&lt;t&gt;)); then dGi = dc&lt;t&gt; ⊙ g ⊙ i(1 - i), dGf = dc&lt;t&gt; ⊙ c&lt;t-1&gt; ⊙ f(1 - f),
/// dGg = dc&lt;t&gt; ⊙ i ⊙ (1 - g²), dGo = da ⊙ tanh(c&lt;t&gt;) ⊙ o(1 - o), dG = [dGi; dGf; dGg; dGo];
/// dWax = dG xᵀ, dWaa = dG a&lt;t-1&gt;ᵀ, dbax = dbaa = the row sums of dG, da&lt;t-1&gt; = Waaᵀ dG, dc&lt;t-1&gt; = dc&lt;t&gt; ⊙ f.
/// </summary>
/// <param name="da">dL/da&lt;t&gt;, shape (n_a, m).</param>
/// <param name="dc">dL/dc&lt;t&gt; from step t + 1 (through c&lt;t+1&gt; = f&lt;t+1&gt; ⊙ c&lt;t&gt; + ...), shape (n_a, m).</param>
/// <param name="step">The forward step's i, f, g, o, c&lt;t&gt;, a&lt;t&gt; (the library's), each (n_a, m).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="cPrev">c&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <param name="Waa">Waa = [Wia; Wfa; Wga; Woa], shape (4 n_a, n_a).</param>
/// <returns>new LstmStepGradients(dWax, dWaa, dbax, dbaa, daPrev, dcPrev).</returns>
public delegate LstmStepGradients LstmBackwardFunction(Matrix da, Matrix dc, LstmStep step, Matrix aPrev, Matrix cPrev, Matrix x, Matrix Waa);
