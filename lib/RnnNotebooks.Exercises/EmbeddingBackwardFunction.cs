namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's embedding backward step: x&lt;t&gt;[:, j] = E[:, token&lt;t&gt;_j] reads a column of E, so
/// dE = sum over t and j of dx&lt;t&gt;[:, j] added into column token&lt;t&gt;_j. A token that occurs several times (in
/// one step or in several) collects every one of its dx columns.
/// </summary>
/// <param name="tokens">tokens[t - 1][j], the token id of sample j at step t, each in [0, V): Tx arrays of m ids.</param>
/// <param name="dx">dL/dx&lt;t&gt; at [t - 1], Tx matrices of shape (n_e, m).</param>
/// <param name="V">V, the vocabulary size: E has V columns.</param>
/// <returns>dE, shape (n_e, V); a column whose token does not occur stays 0.</returns>
public delegate Matrix EmbeddingBackwardFunction(int[][] tokens, Matrix[] dx, int V);
