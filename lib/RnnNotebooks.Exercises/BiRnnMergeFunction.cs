namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's merge of a bidirectional RNN's two directions (<see cref="BidirectionalRnn"/>): h&lt;t&gt; = [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;].
/// The backward direction ran over each sample's real steps reversed, x&lt;T_j&gt; .. x&lt;1&gt;, with the padding after them,
/// so for sample j the state that has read x&lt;t&gt; .. x&lt;T_j&gt; is its step s = T_j - t + 1; a padded step t &gt; T_j
/// pairs with the backward direction's own padded step s = t (the masked loss never reads it).
/// </summary>
/// <param name="aFwd">a_fwd&lt;t&gt; at [t - 1], Tx matrices of shape (n_a, m).</param>
/// <param name="aBwd">The backward direction's state after its step s at [s - 1], Tx matrices of shape (n_a, m).</param>
/// <param name="lengths">T_j, the real length of sample j, in 1 .. Tx.</param>
/// <returns>h&lt;t&gt; at [t - 1], Tx matrices of shape (2 n_a, m): a_fwd&lt;t&gt; in the top n_a rows, a_bwd&lt;t&gt; below.</returns>
public delegate Matrix[] BiRnnMergeFunction(Matrix[] aFwd, Matrix[] aBwd, int[] lengths);
