namespace RnnNotebooks.Exercises;

/// <summary>What one step of BPTT gives back (see <see cref="BpttStepFunction"/>).</summary>
/// <param name="dz">dL/dz&lt;t&gt; = da&lt;t&gt; ⊙ tanh'(z&lt;t&gt;), shape (n_a, m).</param>
/// <param name="dWaa">This step's contribution dz a&lt;t-1&gt;ᵀ to dWaa, shape (n_a, n_a).</param>
/// <param name="dWax">This step's contribution dz x&lt;t&gt;ᵀ to dWax, shape (n_a, n_x).</param>
/// <param name="dba">This step's contribution to dba, dz summed over the m columns, shape (n_a).</param>
/// <param name="daPrev">dL/da&lt;t-1&gt; = Waaᵀ dz through this step, shape (n_a, m).</param>
public sealed record StepGradients(Matrix dz, Matrix dWaa, Matrix dWax, double[] dba, Matrix daPrev);
