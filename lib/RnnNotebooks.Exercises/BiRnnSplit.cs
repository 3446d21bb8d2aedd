namespace RnnNotebooks.Exercises;

/// <summary>What the backward split of a bidirectional merge gives back (see <see cref="BiRnnSplitFunction"/>).</summary>
/// <param name="daFwd">dL/da_fwd&lt;t&gt; at [t - 1], Tx matrices of shape (n_a, m).</param>
/// <param name="daBwd">dL/d(the backward direction's state after its step s) at [s - 1], Tx matrices of shape (n_a, m).</param>
public sealed record BiRnnSplit(Matrix[] daFwd, Matrix[] daBwd);
