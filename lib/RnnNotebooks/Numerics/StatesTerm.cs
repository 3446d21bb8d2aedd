namespace RnnNotebooks;

/// <summary>
/// One product of <see cref="Blas.MulAddStates"/>: C (<see cref="Rows"/>, n) += A (<see cref="Rows"/>, k) B', where B'
/// is the stacked transposed states [s_0^T; s_1^T; ...] from row <see cref="Shift"/> on. The terms of one call share
/// each packed panel of B.
/// </summary>
/// <param name="A">The left factor, row-major, <see cref="Rows"/> x k.</param>
/// <param name="C">The result added to, row-major, <see cref="Rows"/> x n.</param>
/// <param name="Rows">Rows of A and C (0: the term is skipped).</param>
/// <param name="Shift">The first row of the stacked states this term reads (m for dWya, whose dz_y&lt;t&gt; meets a&lt;t&gt;, not a&lt;t-1&gt;).</param>
internal readonly record struct StatesTerm(ReadOnlyMemory<double> A, Memory<double> C, int Rows, int Shift);
