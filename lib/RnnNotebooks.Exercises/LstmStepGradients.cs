namespace RnnNotebooks.Exercises;

/// <summary>What one LSTM backward step gives back (see <see cref="LstmBackwardFunction"/>).</summary>
/// <param name="dWax">dL/dWax = dG x&lt;t&gt;ᵀ, shape (4 n_a, n_x).</param>
/// <param name="dWaa">dL/dWaa = dG a&lt;t-1&gt;ᵀ, shape (4 n_a, n_a).</param>
/// <param name="dbax">dL/dbax, dG summed over the m columns, shape (4 n_a).</param>
/// <param name="dbaa">dL/dbaa, the same sums (both biases add to the same pre-activations), shape (4 n_a).</param>
/// <param name="daPrev">dL/da&lt;t-1&gt; = Waaᵀ dG, shape (n_a, m).</param>
/// <param name="dcPrev">dL/dc&lt;t-1&gt; = dc&lt;t&gt; ⊙ f, shape (n_a, m).</param>
public sealed record LstmStepGradients(Matrix dWax, Matrix dWaa, double[] dbax, double[] dbaa, Matrix daPrev, Matrix dcPrev);
