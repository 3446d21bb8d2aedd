namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's backward step of the merge h&lt;t&gt; = [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] (see <see cref="BiRnnMergeFunction"/>): each
/// entry of dh goes back where its value came from. The top n_a rows of dh&lt;t&gt; are dL/da_fwd&lt;t&gt;; the bottom rows of
/// column j go to the backward direction's step s = T_j - t + 1 (s = t at a padded step t &gt; T_j).
/// </summary>
/// <param name="dh">dL/dh&lt;t&gt; at [t - 1], Tx matrices of shape (2 n_a, m), e.g. Wyaᵀ dz_y&lt;t&gt;.</param>
/// <param name="lengths">T_j, the real length of sample j, in 1 .. Tx.</param>
/// <returns>new BiRnnSplit(daFwd, daBwd), each Tx matrices of shape (n_a, m); daBwd in the backward direction's step order.</returns>
public delegate BiRnnSplit BiRnnSplitFunction(Matrix[] dh, int[] lengths);
