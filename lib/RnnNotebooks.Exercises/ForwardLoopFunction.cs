namespace RnnNotebooks.Exercises;

/// <summary>The reader's forward loop: a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) for t = 1 .. T from a&lt;0&gt;.</summary>
/// <param name="Waa">Waa, shape (n_a, n_a).</param>
/// <param name="Wax">Wax, shape (n_a, n_x).</param>
/// <param name="ba">ba, shape (n_a).</param>
/// <param name="a0">a&lt;0&gt;, shape (n_a, m).</param>
/// <param name="x">x&lt;1&gt; .. x&lt;T&gt;, each (n_x, m): element [t - 1] is x&lt;t&gt;.</param>
/// <returns>a&lt;1&gt; .. a&lt;T&gt;, each (n_a, m): element [t - 1] is a&lt;t&gt;.</returns>
public delegate Matrix[] ForwardLoopFunction(Matrix Waa, Matrix Wax, double[] ba, Matrix a0, Matrix[] x);
