namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's one step of BPTT through a&lt;t&gt; = tanh(z&lt;t&gt;), z&lt;t&gt; = Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba:
/// dz = da ⊙ (1 - a²), dWaa = dz a&lt;t-1&gt;ᵀ, dWax = dz x&lt;t&gt;ᵀ, dba = dz summed over the m columns, da&lt;t-1&gt; = Waaᵀ dz.
/// </summary>
/// <param name="da">dL/da&lt;t&gt;, everything that reaches a&lt;t&gt; from above and from step t + 1, shape (n_a, m).</param>
/// <param name="a">a&lt;t&gt;, shape (n_a, m).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <param name="Waa">Waa, shape (n_a, n_a).</param>
/// <returns>dz (n_a, m), this step's contributions dWaa (n_a, n_a), dWax (n_a, n_x), dba (n_a), and da&lt;t-1&gt; (n_a, m).</returns>
public delegate StepGradients BpttStepFunction(Matrix da, Matrix a, Matrix aPrev, Matrix x, Matrix Waa);
