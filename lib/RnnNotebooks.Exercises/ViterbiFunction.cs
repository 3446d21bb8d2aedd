namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's Viterbi decoder of a linear-chain CRF: the tag sequence y&lt;1&gt; .. y&lt;T&gt; of the highest score
/// s(y) = start[y&lt;1&gt;] + sum_t u[y&lt;t&gt;, t] + sum_{t&gt;1} A[y&lt;t-1&gt;, y&lt;t&gt;] + end[y&lt;T&gt;].
/// </summary>
/// <param name="u">The emission scores, shape (n_y, T): column t - 1 is u&lt;t&gt;.</param>
/// <param name="a">A, shape (n_y, n_y): A[i, k] scores tag k right after tag i.</param>
/// <param name="start">start, n_y scores of the first tag.</param>
/// <param name="end">end, n_y scores of the last tag.</param>
/// <returns>T tag ids, each in 0 .. n_y - 1.</returns>
public delegate int[] ViterbiFunction(Matrix u, Matrix a, double[] start, double[] end);
