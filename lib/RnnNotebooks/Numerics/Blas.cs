using System.Buffers;
using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Avx512Tiles = RnnNotebooks.TiledKernel<RnnNotebooks.Lanes512, System.Runtime.Intrinsics.Vector512<double>>;
using VectorTiles = RnnNotebooks.TiledKernel<RnnNotebooks.LanesVector, System.Numerics.Vector<double>>;

namespace RnnNotebooks;

/// <summary>
/// The few matrix kernels the forward and backward passes need, on row-major <see cref="Matrix"/> blocks
/// whose last dimension is the batch m. Span-in/span-out and allocation-free; each has a path for m = 1,
/// where a row of the batch is one number.
/// </summary>
/// <remarks>
/// Every product has one canonical order of operations, whatever the CPU (Numerics/README.md), and which code computes
/// C += A B (<see cref="MulAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>) depends on
/// the number n of columns of B and C (the batch m, or n_a for the weight gradients) and the vector widths the CPU has:
/// <list type="bullet">
/// <item>n = 1 (m = 1): c_i += A[i, :] · b, each a dot product in <see cref="Reductions"/>' order (eight partial sums
/// combined in a fixed tree), four rows at a time;</item>
/// <item>n ≥ 2: each c_ij takes A[i, p] B[p, j] in increasing p, one fused multiply-add each, starting from its own
/// value. The register-blocked <see cref="TiledKernel{TLanes, TVec}"/> computes it with the columns across the vector
/// lanes (512-bit vectors when n ≥ 8 and the <see cref="Kernel"/> is avx512, else <see cref="Vector{T}"/> when n is at
/// least its width), <see cref="ScalarColumns"/> the columns short of a vector, and every column when no vector
/// fits: the same numbers whichever runs.</item>
/// </list>
/// </remarks>
internal static class Blas
{
    /// <summary>
    /// The kernel for products with n ≥ 2 columns: <see cref="ChooseKernel"/> of the environment variable
    /// RNNNOTEBOOKS_KERNEL, read once, when Blas is first used. Tests set it to check each kernel this CPU runs.
    /// </summary>
    internal static ProductKernel Kernel { get; set; } = ChooseKernel(Environment.GetEnvironmentVariable("RNNNOTEBOOKS_KERNEL"));

    /// <summary>The fastest kernel this CPU accelerates: avx512 if it runs 512-bit vectors, else vector if
    /// <see cref="Vector{T}"/> is accelerated, else rows.</summary>
    internal static ProductKernel Best =>
        IsSupported(ProductKernel.Avx512) ? ProductKernel.Avx512 : IsSupported(ProductKernel.Vector) ? ProductKernel.Vector : ProductKernel.Rows;

    /// <summary>True when this CPU runs the kernel's vectors natively (rows: always).</summary>
    internal static bool IsSupported(ProductKernel kernel) => kernel switch
    {
        ProductKernel.Avx512 => Avx512Tiles.IsSupported,
        ProductKernel.Vector => VectorTiles.IsSupported,
        _ => true,
    };

    /// <summary>
    /// The kernel named (avx512, vector or rows, any case) if this CPU supports it; <see cref="Best"/>
    /// when the name is null, unknown, or a kernel this CPU would only emulate.
    /// </summary>
    internal static ProductKernel ChooseKernel(string? name) =>
        Enum.GetValues<ProductKernel>()
            .Where(kernel => string.Equals(kernel.ToString(), name, StringComparison.OrdinalIgnoreCase) && IsSupported(kernel))
            .DefaultIfEmpty(Best)
            .First();

    /// <summary>
    /// Which tiles run a product of n ≥ 2 columns under <see cref="Kernel"/>: avx512 when n fills a 512-bit vector,
    /// vector when it fills a <see cref="Vector{T}"/> the CPU accelerates, else rows (<see cref="ScalarColumns"/>).
    /// </summary>
    private static ProductKernel TilesFor(int n) => Kernel switch
    {
        ProductKernel.Avx512 when n >= Avx512Tiles.Width => ProductKernel.Avx512,
        ProductKernel.Avx512 or ProductKernel.Vector when n >= VectorTiles.Width && VectorTiles.IsSupported => ProductKernel.Vector,
        _ => ProductKernel.Rows,
    };

    /// <summary>C += A B, with A (r, k), B (k, n), C (r, n).</summary>
    public static void MulAdd(Matrix A, Matrix B, Matrix C) =>
        MulAdd(A.Data, B.Data, C.Data, A.Rows, A.Cols, B.Cols);

    /// <summary>C += A B on contiguous row-major spans: A (r, k), B (k, n), C (r, n). Which code runs: see <see cref="Blas"/>.</summary>
    public static void MulAdd(ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        if (r == 0 || k == 0 || n == 0)
        {
            return;
        }
        if (n == 1)
        {
            Reductions.AddRowDots(A, B, C, r, k); // c_i += A[i, :] . b
            return;
        }
        switch (TilesFor(n))
        {
            case ProductKernel.Avx512:
                Avx512Tiles.MulAdd(A, B, C, r, k, n);
                return;
            case ProductKernel.Vector:
                VectorTiles.MulAdd(A, B, C, r, k, n);
                return;
        }
        // C[i, j] += A[i, p] B[p, j], in increasing p, fused: what each lane of the tiled kernels computes
        ScalarColumns.MulAdd(ref Unsafe.AsRef(in A[0]), k, ref Unsafe.AsRef(in B[0]), ref C[0], r, k, 0, n);
    }

    /// <summary>
    /// C = b 1^T + A B: every column of C (r, n) set to the bias b (r) plus A (r, k) B (k, n). The same numbers as
    /// <see cref="BroadcastColumns"/> then <see cref="MulAdd(Matrix, Matrix, Matrix)"/>: each c_ij starts from b_i. The
    /// tiled kernels start their accumulators from b_i, so C is written once instead of twice (for the LSTM's 1024 x 32
    /// pre-activations that spares a 256 KB store each step).
    /// </summary>
    /// <exception cref="ArgumentException">The shapes disagree.</exception>
    public static void SetBiasPlusProduct(ReadOnlySpan<double> b, Matrix A, Matrix B, Matrix C)
    {
        int r = A.Rows, k = A.Cols, n = B.Cols;
        if (b.Length != r || B.Rows != k || C.Rows != r || C.Cols != n)
        {
            throw new ArgumentException(
                $"C = b + A B got b of {b.Length}, A ({r}, {k}), B ({B.Rows}, {n}) and C ({C.Rows}, {C.Cols}); it needs b of {r} and C ({r}, {n}) for B ({k}, {n}).", nameof(C));
        }
        if (r > 0 && k > 0 && n > 1)
        {
            switch (TilesFor(n))
            {
                case ProductKernel.Avx512:
                    Avx512Tiles.SetBiasPlusProduct(b, A.Data, B.Data, C.Data, r, k, n);
                    return;
                case ProductKernel.Vector:
                    VectorTiles.SetBiasPlusProduct(b, A.Data, B.Data, C.Data, r, k, n);
                    return;
            }
        }
        BroadcastColumns(b, C);
        MulAdd(A, B, C);
    }

    /// <summary>
    /// For each term, C += A B', where B = [s_0^T; s_1^T; ...] ((number of states) m, n) stacks the transposes of the
    /// (n, m) <paramref name="states"/> and B' is B from the term's row Shift on: A (Rows, k), C (Rows, n) row-major.
    /// The same numbers as <see cref="MulAdd(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double}, int, int, int)"/>
    /// for each term over B written out; the tiled kernels pack each panel of B once for every term, straight from the
    /// states (<see cref="TiledKernel{TLanes, TVec}.MulAddStates"/>), so BPTT writes no transposed copy of them and
    /// reads them once however many gradients they serve (dWaa's rows from dGx and from dGa, dWya).
    /// </summary>
    /// <exception cref="ArgumentException">The states are of two shapes or too few for k + Shift rows, a shift is negative, or a span is shorter than its shape (the term is named).</exception>
    public static void MulAddStates(ReadOnlySpan<StatesTerm> terms, ReadOnlySpan<Matrix> states, int k, int n)
    {
        int m = states.IsEmpty ? 0 : states[0].Cols;
        foreach (var s in states)
        {
            if (s.Rows != n || s.Cols != m)
            {
                throw new ArgumentException($"every state must be ({n}, {m}), the shape of the first; one is ({s.Rows}, {s.Cols}).", nameof(states));
            }
        }
        for (int i = 0; i < terms.Length; i++)
        {
            var (A, C, r, shift) = terms[i];
            if (r > 0 && (m == 0 || shift < 0 || states.Length * m < k + shift || A.Length < r * k || C.Length < r * n))
            {
                throw new ArgumentException($"term {i} of a product over {states.Length} states of ({n}, {m}) needs {k + shift} rows of their transposes " +
                    $"(shift {shift}); with A ({r}, {k}) it got spans of {A.Length} and {C.Length} values for A and C.", nameof(terms));
            }
        }
        if (k > 0 && n > 1)
        {
            switch (TilesFor(n))
            {
                case ProductKernel.Avx512:
                    Avx512Tiles.MulAddStates(terms, states, k, n);
                    return;
                case ProductKernel.Vector:
                    VectorTiles.MulAddStates(terms, states, k, n);
                    return;
            }
        }
        double[] stacked = ArrayPool<double>.Shared.Rent(states.Length * m * n); // no tiled kernel fits: B written out
        for (int t = 0; t < states.Length; t++)
        {
            Transpose(states[t].Data, stacked.AsSpan(t * m * n, m * n), n, m);
        }
        foreach (var (A, C, r, shift) in terms)
        {
            MulAdd(A.Span, stacked.AsSpan(shift * n), C.Span, r, k, n);
        }
        ArrayPool<double>.Shared.Return(stacked);
    }

    /// <summary>Bt = B^T, with B (r, c) and Bt (c, r).</summary>
    public static void Transpose(Matrix B, Matrix Bt) => Transpose(B.Data, Bt.Data, B.Rows, B.Cols);

    /// <summary>dst (c, r) = src (r, c)^T, in 8 x 8 blocks so that reads and writes both stay in cache lines.</summary>
    public static void Transpose(ReadOnlySpan<double> src, Span<double> dst, int r, int c)
    {
        if (src.Length < r * c || dst.Length < r * c)
        {
            throw new ArgumentException($"a transpose of ({r}, {c}) needs {r * c} values in src and dst; they hold {src.Length} and {dst.Length}.", nameof(src));
        }
        if (r == 1 || c == 1)
        {
            src[..(r * c)].CopyTo(dst); // a vector is its own transpose in row-major order
            return;
        }
        const int Block = 8;
        ref double from = ref MemoryMarshal.GetReference(src);
        ref double to = ref MemoryMarshal.GetReference(dst);
        for (int i0 = 0; i0 < r; i0 += Block)
        {
            int i1 = Math.Min(i0 + Block, r);
            for (int j0 = 0; j0 < c; j0 += Block)
            {
                int j1 = Math.Min(j0 + Block, c);
                for (int i = i0; i < i1; i++)
                {
                    ref double row = ref Unsafe.Add(ref from, i * c);
                    for (int j = j0; j < j1; j++)
                    {
                        Unsafe.Add(ref to, j * r + i) = Unsafe.Add(ref row, j); // dst[j, i] = src[i, j]
                    }
                }
            }
        }
    }

    /// <summary>Copies the (r, m) block <paramref name="step"/> into columns [t m, (t + 1) m) of the (r, n) matrix <paramref name="big"/>.</summary>
    /// <exception cref="ArgumentException">big is shorter than (r, n), or the block's columns pass column n.</exception>
    public static void CopyToColumnBlock(Matrix step, Span<double> big, int n, int t) => CopyToColumnBlock(step, 0, big, n, t);

    /// <summary>
    /// Copies rows <paramref name="fromRow"/> .. of the block <paramref name="step"/> (r of them) into columns
    /// [t m, (t + 1) m) of the (r, n) matrix <paramref name="big"/>.
    /// </summary>
    /// <exception cref="ArgumentException">big is shorter than (r, n), or the block's columns pass column n.</exception>
    public static void CopyToColumnBlock(Matrix step, int fromRow, Span<double> big, int n, int t)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fromRow);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fromRow, step.Rows);
        int m = step.Cols, r = step.Rows - fromRow;
        if ((t + 1) * m > n || big.Length < r * n)
        {
            throw new ArgumentException($"step block {t} of {m} columns does not fit a ({r}, {n}) matrix of {big.Length} values.", nameof(big));
        }
        ref double from = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(step.Data), fromRow * m);
        ref double to = ref Unsafe.Add(ref MemoryMarshal.GetReference(big), t * m);
        int width = Vector<double>.Count;
        for (int i = 0; i < r; i++)
        {
            ref double source = ref Unsafe.Add(ref from, i * m);
            ref double target = ref Unsafe.Add(ref to, i * n);
            int j = 0;
            for (; j + width <= m; j += width)
            {
                Vector.LoadUnsafe(ref source, (nuint)j).StoreUnsafe(ref target, (nuint)j); // one call per row would cost more than the copy
            }
            for (; j < m; j++)
            {
                Unsafe.Add(ref target, j) = Unsafe.Add(ref source, j);
            }
        }
    }

    /// <summary>Sets every column of Z (r, n) to the bias b (r): Z[i, :] = b_i.</summary>
    public static void BroadcastColumns(ReadOnlySpan<double> b, Matrix Z)
    {
        if (Z.Cols == 1)
        {
            b.CopyTo(Z.Data);
            return;
        }
        for (int i = 0; i < Z.Rows; i++)
        {
            Z.Row(i).Fill(b[i]);
        }
    }

    /// <summary>db += the sum of each row of D (r, n): db_i += sum_j D[i, j].</summary>
    public static void AddRowSums(ReadOnlySpan<double> D, int r, int n, Span<double> db)
    {
        if (n == 1)
        {
            TensorPrimitives.Add(db, D[..r], db);
            return;
        }
        for (int i = 0; i < r; i++)
        {
            db[i] += Reductions.Sum(D.Slice(i * n, n)); // db_i += sum_j D[i, j], in the canonical order
        }
    }

    /// <summary>Z[:, j] += W[:, tokens[j]] for each sample j: the product W x for one-hot x, as a column gather.</summary>
    /// <exception cref="ArgumentException">The shapes disagree, or a token is not a column of W.</exception>
    public static void AddColumns(Matrix W, ReadOnlySpan<int> tokens, Matrix Z) => GatherColumns(W, tokens, Z, [], set: false);

    /// <summary>Z[i, j] = b_i + W[i, tokens[j]]: a bias broadcast and <see cref="AddColumns"/> in one pass, the same sums.</summary>
    /// <exception cref="ArgumentException">The shapes disagree, or a token is not a column of W.</exception>
    public static void SetBiasPlusColumns(ReadOnlySpan<double> b, Matrix W, ReadOnlySpan<int> tokens, Matrix Z)
    {
        Guard.Length(b, W.Rows, nameof(b), "the rows of W");
        GatherColumns(W, tokens, Z, b, set: true);
    }

    /// <summary>Z[i, j] = (set ? b_i : Z[i, j]) + W[i, tokens[j]], row by row.</summary>
    private static void GatherColumns(Matrix W, ReadOnlySpan<int> tokens, Matrix Z, ReadOnlySpan<double> b, bool set)
    {
        CheckColumns(W, tokens, Z, nameof(Z));
        int n = Z.Cols, cols = W.Cols;
        ref double w = ref MemoryMarshal.GetArrayDataReference(W.Data);
        ref double z = ref MemoryMarshal.GetArrayDataReference(Z.Data);
        ref int token = ref MemoryMarshal.GetReference(tokens);
        for (int i = 0; i < W.Rows; i++)
        {
            ref double wRow = ref Unsafe.Add(ref w, i * cols);
            ref double zRow = ref Unsafe.Add(ref z, i * n);
            double bi = set ? b[i] : 0.0;
            for (int j = 0; j < n; j++)
            {
                ref double zij = ref Unsafe.Add(ref zRow, j);
                zij = (set ? bi : zij) + Unsafe.Add(ref wRow, Unsafe.Add(ref token, j)); // Z[i, j] = (b_i or Z[i, j]) + W[i, tokens[j]]
            }
        }
    }

    /// <summary>
    /// dW[:, tokens[j]] += D[:, j] for each sample j, j = 0, 1, ... in turn: the product D x^T for one-hot x, as a column
    /// scatter. Four rows go side by side: two samples with the same token add into the same element one after the
    /// other, and four independent rows let those chains overlap (1.5 -> 1.0 ms a pass for 768 rows, m = 32, 100 steps,
    /// measured 2026-12-08). Each element still takes its samples in increasing j.
    /// </summary>
    /// <exception cref="ArgumentException">The shapes disagree, or a token is not a column of dW.</exception>
    public static void ScatterAddColumns(Matrix D, ReadOnlySpan<int> tokens, Matrix dW)
    {
        CheckColumns(dW, tokens, D, nameof(D));
        int n = D.Cols, cols = dW.Cols, i = 0;
        ref double d = ref MemoryMarshal.GetArrayDataReference(D.Data);
        ref double w = ref MemoryMarshal.GetArrayDataReference(dW.Data);
        ref int token = ref MemoryMarshal.GetReference(tokens);
        for (; i + 4 <= D.Rows; i += 4)
        {
            ref double wRows = ref Unsafe.Add(ref w, i * cols);
            ref double dRows = ref Unsafe.Add(ref d, i * n);
            for (int j = 0; j < n; j++)
            {
                ref double wij = ref Unsafe.Add(ref wRows, Unsafe.Add(ref token, j));
                ref double dij = ref Unsafe.Add(ref dRows, j);
                wij += dij;                                                 // dW[i, tokens[j]] += D[i, j]
                Unsafe.Add(ref wij, cols) += Unsafe.Add(ref dij, n);        // and rows i + 1 .. i + 3
                Unsafe.Add(ref wij, 2 * cols) += Unsafe.Add(ref dij, 2 * n);
                Unsafe.Add(ref wij, 3 * cols) += Unsafe.Add(ref dij, 3 * n);
            }
        }
        for (; i < D.Rows; i++)
        {
            ref double wRow = ref Unsafe.Add(ref w, i * cols);
            ref double dRow = ref Unsafe.Add(ref d, i * n);
            for (int j = 0; j < n; j++)
            {
                Unsafe.Add(ref wRow, Unsafe.Add(ref token, j)) += Unsafe.Add(ref dRow, j); // dW[i, tokens[j]] += D[i, j]
            }
        }
    }

    /// <summary>Checks a one-hot product's shapes: <paramref name="wide"/> (r, V) and the (r, m) block, m tokens each in [0, V).</summary>
    private static void CheckColumns(Matrix wide, ReadOnlySpan<int> tokens, Matrix block, string blockName)
    {
        if (block.Rows != wide.Rows || block.Cols != tokens.Length)
        {
            throw new ArgumentException(
                $"{blockName} is ({block.Rows}, {block.Cols}); a one-hot product of a ({wide.Rows}, {wide.Cols}) matrix over {tokens.Length} tokens needs ({wide.Rows}, {tokens.Length}).",
                blockName);
        }
        for (int j = 0; j < tokens.Length; j++)
        {
            if ((uint)tokens[j] >= (uint)wide.Cols)
            {
                throw new ArgumentException($"token {tokens[j]} (sample {j}) is not a column of the ({wide.Rows}, {wide.Cols}) matrix: it must be in [0, {wide.Cols}).", nameof(tokens));
            }
        }
    }
}
