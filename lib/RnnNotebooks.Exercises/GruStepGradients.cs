namespace RnnNotebooks.Exercises;

/// <summary>What one GRU backward step gives back (see <see cref="GruBackwardFunction"/>).</summary>
/// <param name="dWax">dL/dWax = dGx x&lt;t&gt;ᵀ, shape (3 n_a, n_x).</param>
/// <param name="dWaa">dL/dWaa = dGa a&lt;t-1&gt;ᵀ, shape (3 n_a, n_a).</param>
/// <param name="dbax">dL/dbax, dGx summed over the m columns, shape (3 n_a).</param>
/// <param name="dbaa">dL/dbaa, dGa summed over the m columns, shape (3 n_a).</param>
/// <param name="daPrev">dL/da&lt;t-1&gt; = da ⊙ z + Waaᵀ dGa, shape (n_a, m).</param>
public sealed record GruStepGradients(Matrix dWax, Matrix dWaa, double[] dbax, double[] dbaa, Matrix daPrev);
