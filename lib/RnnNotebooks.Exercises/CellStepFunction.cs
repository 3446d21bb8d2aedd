namespace RnnNotebooks.Exercises;

/// <summary>The reader's one cell step: a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba).</summary>
/// <param name="Waa">Waa, shape (n_a, n_a).</param>
/// <param name="Wax">Wax, shape (n_a, n_x).</param>
/// <param name="ba">ba, shape (n_a).</param>
/// <param name="aPrev">a&lt;t-1&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;t&gt;, shape (n_x, m).</param>
/// <returns>a&lt;t&gt;, shape (n_a, m).</returns>
public delegate Matrix CellStepFunction(Matrix Waa, Matrix Wax, double[] ba, Matrix aPrev, Matrix x);
