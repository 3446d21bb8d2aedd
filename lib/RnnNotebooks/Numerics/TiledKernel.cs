using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RnnNotebooks;

/// <summary>
/// The register-blocked product C(r, n) += A(r, k) B(k, n) (row-major, contiguous) behind
/// <see cref="Blas.MulAdd(Matrix, Matrix, Matrix)"/>, written once for every vector width:
/// <list type="bullet">
/// <item>k is cut into blocks of <see cref="KBlock"/>, so that the slice of B a column panel reads stays in cache
/// while every row tile of C passes over it;</item>
/// <item>the columns are cut into panels of <see cref="ILanes{TVec}.TileVectors"/> vectors; the columns left over
/// make one narrower panel of 1 to TileVectors - 1 vectors, and the last columns short of a vector go to
/// <see cref="ScalarColumns"/>;</item>
/// <item>each panel is walked 4 rows at a time (<see cref="Tile"/>: a 4-row tile of C held in registers while
/// the k loop issues 4 x width fused multiply-adds a step), the 0 to 3 rows left over as one shorter tile.</item>
/// </list>
/// </summary>
/// <typeparam name="TLanes">The vector type's operations (<see cref="Lanes512"/>, <see cref="LanesVector"/>).</typeparam>
/// <typeparam name="TVec">The vector type itself.</typeparam>
internal static class TiledKernel<TLanes, TVec>
    where TLanes : struct, ILanes<TVec>
    where TVec : struct
{
    /// <summary>Depth of a k-block: a 256-deep panel of B (64 KB at 32 columns, 24 KB at 12) stays in L2.</summary>
    private const int KBlock = 256;

    /// <summary>Widest full panel of any vector type: 4 vectors of 8 doubles.</summary>
    private const int MaxPanel = 32;

    /// <summary>Fewest rows of A for which a panel of B is packed: below this the copy costs more than it saves.</summary>
    private const int PackRows = 64;

    /// <summary>Alignment of a packed panel's first element, in bytes: one cache line, so that no vector load of it straddles two.</summary>
    private const int PackAlignment = 64;

    /// <summary>
    /// This thread's copy of one k-block of a column panel of B (<see cref="Panels"/>), made on first use on the pinned
    /// heap (so that the GC never moves it and its alignment holds), and the index of its first element on a
    /// <see cref="PackAlignment"/> boundary.
    /// </summary>
    [ThreadStatic]
    private static double[]? packed;

    [ThreadStatic]
    private static int packedStart;

    /// <summary>True when this CPU runs the vector type natively.</summary>
    public static bool IsSupported => TLanes.IsAccelerated;

    /// <summary>Doubles in one vector: products narrower than this are left to the caller.</summary>
    public static int Width => TLanes.Count;

    /// <summary>C += A B with A (r, k), B (k, n), C (r, n), contiguous row-major spans; n ≥ <see cref="Width"/>.</summary>
    public static void MulAdd(ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        ref double a = ref Unsafe.AsRef(in A[0]);
        ref double b = ref Unsafe.AsRef(in B[0]);
        ref double c = ref C[0];
        for (int p0 = 0; p0 < k; p0 += KBlock)
        {
            int kc = Math.Min(KBlock, k - p0);
            // C += A[:, p0 .. p0 + kc] B[p0 .. p0 + kc, :]
            Panels<StartFromC>(ref Unsafe.Add(ref a, p0), k, ref Unsafe.Add(ref b, p0 * n), ref c, ref Unsafe.NullRef<double>(), r, kc, n);
        }
    }

    /// <summary>
    /// C = bias 1^T + A B (C[i, j] = bias_i + sum_p A[i, p] B[p, j]) with A (r, k), B (k, n), C (r, n), contiguous
    /// row-major spans; n ≥ <see cref="Width"/>. The first k-block's tiles start their accumulators from bias_i instead of
    /// loading C, so C is written once, not first filled with the bias: the same sums as a broadcast and then
    /// <see cref="MulAdd"/> (each c_ij starts from bias_i and takes its terms in increasing p).
    /// </summary>
    public static void SetBiasPlusProduct(ReadOnlySpan<double> bias, ReadOnlySpan<double> A, ReadOnlySpan<double> B, Span<double> C, int r, int k, int n)
    {
        ref double a = ref Unsafe.AsRef(in A[0]);
        ref double b = ref Unsafe.AsRef(in B[0]);
        ref double c = ref C[0];
        Panels<StartFromBias>(ref a, k, ref b, ref c, ref Unsafe.AsRef(in bias[0]), r, Math.Min(KBlock, k), n);
        for (int p0 = KBlock; p0 < k; p0 += KBlock)
        {
            int kc = Math.Min(KBlock, k - p0);
            Panels<StartFromC>(ref Unsafe.Add(ref a, p0), k, ref Unsafe.Add(ref b, p0 * n), ref c, ref Unsafe.NullRef<double>(), r, kc, n);
        }
    }

    /// <summary>
    /// For each term, C += A B', where B = [s_0^T; s_1^T; ...] stacks the transposes of the (n, m)
    /// <paramref name="states"/> (B[t m + j, :] = s_t[:, j]) and B' is B from the term's row Shift on: A (Rows, k), C
    /// (Rows, n) row-major; n ≥ <see cref="Width"/>. BPTT's dWaa and dWya over [a&lt;0&gt; .. a&lt;Tx&gt;]: each k-block
    /// of each column panel is packed straight from the states, transposed as it is copied (<see cref="PackTransposed"/>),
    /// so no transposed copy of all the states is written first, and every term's rows run on that one packed panel,
    /// Shift rows down. Every element takes its terms in increasing p, as in <see cref="MulAdd"/> over that copy.
    /// </summary>
    public static void MulAddStates(ReadOnlySpan<StatesTerm> terms, ReadOnlySpan<Matrix> states, int k, int n)
    {
        int maxShift = -1;
        foreach (var term in terms)
        {
            maxShift = term.Rows > 0 ? Math.Max(maxShift, term.Shift) : maxShift;
        }
        for (int p0 = 0; maxShift >= 0 && p0 < k; p0 += KBlock)
        {
            PanelsOfStates(terms, states, p0, Math.Min(KBlock, k - p0), k, n, maxShift);
        }
    }

    /// <summary>
    /// One k-block of <see cref="MulAddStates"/>, column panel by column panel: kc + maxShift rows of the panel packed
    /// from the states, each term's rows on the kc rows after its shift. The columns short of a vector are packed the
    /// same way into a narrower panel and go to <see cref="ScalarColumns"/>.
    /// </summary>
    private static void PanelsOfStates(ReadOnlySpan<StatesTerm> terms, ReadOnlySpan<Matrix> states, int p0, int kc, int k, int n, int maxShift)
    {
        int w = TLanes.Count, rows = kc + maxShift, j = 0;
        ref double panel = ref PackBuffer(rows);
        while (j < n)
        {
            int vectors = Math.Min(TLanes.TileVectors, (n - j) / w), width = vectors > 0 ? vectors * w : n - j;
            PackTransposed(states, p0, rows, j, width, ref panel);
            foreach (var (A, C, r, shift) in terms)
            {
                if (r == 0)
                {
                    continue;
                }
                ref double a = ref Unsafe.Add(ref MemoryMarshal.GetReference(A.Span), p0);
                ref double c = ref Unsafe.Add(ref MemoryMarshal.GetReference(C.Span), j);
                ref double b = ref Unsafe.Add(ref panel, shift * width);
                if (vectors > 0)
                {
                    Panel<StartFromC>(vectors, ref a, k, ref b, width, ref c, n, ref Unsafe.NullRef<double>(), r, kc);
                }
                else
                {
                    ScalarColumns.MulAdd(ref a, k, ref b, width, ref c, n, r, kc, width);
                }
            }
            j += width;
        }
    }

    /// <summary>
    /// panel[q, 0..width) = B[p0 + q, j .. j + width) for q &lt; rows, with B = [s_0^T; s_1^T; ...]: B[t m + i, col] =
    /// s_t[col, i]. Each state's rows are read along (m values each) and written down the panel's columns.
    /// </summary>
    private static void PackTransposed(ReadOnlySpan<Matrix> states, int p0, int rows, int j, int width, ref double panel)
    {
        int m = states[0].Cols;
        for (int q = 0; q < rows;)
        {
            int p = p0 + q, t = p / m, i0 = p % m, count = Math.Min(m - i0, rows - q); // rows q .. q + count of the panel come from s_t's columns i0 ..
            ref double state = ref MemoryMarshal.GetArrayDataReference(states[t].Data);
            for (int col = 0; col < width; col++)
            {
                ref double from = ref Unsafe.Add(ref state, (j + col) * m + i0);
                ref double to = ref Unsafe.Add(ref panel, q * width + col);
                for (int i = 0; i < count; i++)
                {
                    Unsafe.Add(ref to, i * width) = Unsafe.Add(ref from, i); // panel[q + i, col] = s_t[j + col, i0 + i]
                }
            }
            q += count;
        }
    }

    /// <summary>
    /// One k-block, column panel by column panel: full panels, one narrower panel, then scalar columns. When A has at
    /// least <see cref="PackRows"/> rows, each panel's kc rows of B are first copied into this thread's packed buffer
    /// (contiguous, the panel's width apart, starting on a cache line), for two reasons measured on 2026-12-07: read in
    /// place, B's rows lie n doubles apart, and at n = 256 (the weight gradients) the rows of a panel fall on a handful
    /// of L1 sets and evict each other; and B's rows start wherever the GC put the array (8-byte aligned), so that a
    /// 256-bit load of them straddles two cache lines one time in two, which cost the AVX2 tile a fifth of its speed
    /// (44.5 against 55.3 GFLOP/s, 256 x 256 times 256 x 32). A copy changes no arithmetic.
    /// </summary>
    private static void Panels<TStart>(ref double a, int lda, ref double b, ref double c, ref double bias, int r, int kc, int n)
        where TStart : struct, IAccumulatorStart
    {
        int w = TLanes.Count, full = TLanes.TileVectors * w;
        bool pack = r >= PackRows;
        ref double panel = ref pack ? ref PackBuffer() : ref Unsafe.NullRef<double>();
        int j = 0;
        for (; j + full <= n; j += full) // one loop whether B is packed or not: a loop that only one kind of product warms would be compiled cold for the other
        {
            PanelOf<TStart>(TLanes.TileVectors, pack, ref panel, ref a, lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, j), ref bias, r, kc);
        }
        int rest = (n - j) / w;
        if (rest > 0)
        {
            PanelOf<TStart>(rest, pack, ref panel, ref a, lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, j), ref bias, r, kc);
            j += rest * w;
        }
        if (TStart.FromBias && j < n)
        {
            for (int i = 0; i < r; i++)
            {
                MemoryMarshal.CreateSpan(ref Unsafe.Add(ref c, i * n + j), n - j).Fill(Unsafe.Add(ref bias, i)); // the scalar columns start from bias_i too
            }
        }
        ScalarColumns.MulAdd(ref a, lda, ref b, ref c, r, kc, j, n);
    }

    /// <summary>One panel <paramref name="vectors"/> vectors wide, B and C with n columns: from B in place, or from its packed copy.</summary>
    private static void PanelOf<TStart>(int vectors, bool pack, ref double panel, ref double a, int lda, ref double b, int n, ref double c, ref double bias, int r, int kc)
        where TStart : struct, IAccumulatorStart
    {
        if (!pack)
        {
            Panel<TStart>(vectors, ref a, lda, ref b, n, ref c, n, ref bias, r, kc);
            return;
        }
        int width = vectors * TLanes.Count;
        Pack(ref b, n, ref panel, kc, width);
        Panel<TStart>(vectors, ref a, lda, ref panel, width, ref c, n, ref bias, r, kc);
    }

    /// <summary>The address of this thread's packed buffer's first element in use (for the test that it starts on a cache line).</summary>
    internal static long PackBufferAddress()
    {
        PackBuffer();
        return Marshal.UnsafeAddrOfPinnedArrayElement(packed!, packedStart).ToInt64();
    }

    /// <summary>
    /// This thread's packed buffer at its first cache-line-aligned element (see <see cref="packed"/>), with room for
    /// <paramref name="rows"/> rows of the widest panel (made anew, larger, when a shared pass needs more than a k-block).
    /// </summary>
    private static ref double PackBuffer(int rows = KBlock)
    {
        int slack = PackAlignment / sizeof(double);
        if (packed is null || packed.Length < rows * MaxPanel + slack)
        {
            packed = GC.AllocateUninitializedArray<double>(Math.Max(rows, KBlock) * MaxPanel + slack, pinned: true);
            long address = Marshal.UnsafeAddrOfPinnedArrayElement(packed, 0).ToInt64();
            packedStart = (int)((PackAlignment - address % PackAlignment) % PackAlignment / sizeof(double));
        }
        return ref packed[packedStart];
    }

    /// <summary>panel[p, 0..width) = B[p, 0..width) for p &lt; kc, with B's rows ldb apart.</summary>
    private static void Pack(ref double b, int ldb, ref double panel, int kc, int width)
    {
        for (int p = 0; p < kc; p++)
        {
            MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref b, p * ldb), width).CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref panel, p * width), width));
        }
    }

    /// <summary>A column panel <paramref name="vectors"/> (1 to 4) vectors wide, with b and c at its first column.</summary>
    private static void Panel<TStart>(int vectors, ref double a, int lda, ref double b, int ldb, ref double c, int ldc, ref double bias, int r, int kc)
        where TStart : struct, IAccumulatorStart
    {
        switch (vectors)
        {
            case 1: Rows<One, TStart>(ref a, lda, ref b, ldb, ref c, ldc, ref bias, r, kc); break;
            case 2: Rows<Two, TStart>(ref a, lda, ref b, ldb, ref c, ldc, ref bias, r, kc); break;
            case 3: Rows<Three, TStart>(ref a, lda, ref b, ldb, ref c, ldc, ref bias, r, kc); break;
            default: Rows<Four, TStart>(ref a, lda, ref b, ldb, ref c, ldc, ref bias, r, kc); break;
        }
    }

    /// <summary>The rows of one panel: 4-row tiles, then one tile of the 1 to 3 rows left over.</summary>
    private static void Rows<TWidth, TStart>(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, ref double bias, int r, int kc)
        where TWidth : struct, ITileSize
        where TStart : struct, IAccumulatorStart
    {
        int i = 0;
        for (; i + 4 <= r; i += 4)
        {
            Tile<Four, TWidth, TStart>(ref Unsafe.Add(ref a, i * lda), lda, ref b, ldb, ref Unsafe.Add(ref c, i * ldc), ldc, ref Unsafe.Add(ref bias, i), kc);
        }
        if (i == r)
        {
            return; // no row left over (and no reference made past the last row)
        }
        ref double ai = ref Unsafe.Add(ref a, i * lda);
        ref double ci = ref Unsafe.Add(ref c, i * ldc);
        ref double biasI = ref Unsafe.Add(ref bias, i);
        switch (r - i)
        {
            case 1: Tile<One, TWidth, TStart>(ref ai, lda, ref b, ldb, ref ci, ldc, ref biasI, kc); break;
            case 2: Tile<Two, TWidth, TStart>(ref ai, lda, ref b, ldb, ref ci, ldc, ref biasI, kc); break;
            case 3: Tile<Three, TWidth, TStart>(ref ai, lda, ref b, ldb, ref ci, ldc, ref biasI, kc); break;
        }
    }

    /// <summary>
    /// A tile of H = <typeparamref name="THeight"/> rows (1 to 4): C[0..H, 0..V w] += A[0..H, 0..k] B[0..k, 0..V w],
    /// V = <typeparamref name="TWidth"/> vectors. Per step p it loads V vectors of B, broadcasts A[i, p] for each row and
    /// issues H V fused multiply-adds. The JIT folds <c>h &gt; 1</c>, <c>v &gt; 1</c> etc. (H and V are constants of each
    /// instantiation), so the rows and accumulators a tile does not have vanish. The rows left over below the 4-row
    /// tiles get a tile of their own height, not one 1-row tile each, so that B's vectors loaded at a step serve them all.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // its own method: inlined into the panel loops it could exhaust their inlining budget, leaving the vector calls inside it as calls
    private static void Tile<THeight, TWidth, TStart>(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, ref double bias, int k)
        where THeight : struct, ITileSize
        where TWidth : struct, ITileSize
        where TStart : struct, IAccumulatorStart
    {
        int h = THeight.Count, v = TWidth.Count;
        ref double a1 = ref Unsafe.Add(ref a, h > 1 ? lda : 0); // rows a tile does not have point at row 0 and are never read
        ref double a2 = ref Unsafe.Add(ref a, h > 2 ? 2 * lda : 0);
        ref double a3 = ref Unsafe.Add(ref a, h > 3 ? 3 * lda : 0);
        ref double c1 = ref Unsafe.Add(ref c, h > 1 ? ldc : 0);
        ref double c2 = ref Unsafe.Add(ref c, h > 2 ? 2 * ldc : 0);
        ref double c3 = ref Unsafe.Add(ref c, h > 3 ? 3 * ldc : 0);
        StartRow<TWidth, TStart>(true, ref c, ref bias, out TVec c00, out TVec c01, out TVec c02, out TVec c03);
        StartRow<TWidth, TStart>(h > 1, ref c1, ref Unsafe.Add(ref bias, 1), out TVec c10, out TVec c11, out TVec c12, out TVec c13);
        StartRow<TWidth, TStart>(h > 2, ref c2, ref Unsafe.Add(ref bias, 2), out TVec c20, out TVec c21, out TVec c22, out TVec c23);
        StartRow<TWidth, TStart>(h > 3, ref c3, ref Unsafe.Add(ref bias, 3), out TVec c30, out TVec c31, out TVec c32, out TVec c33);
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            TVec b0 = TLanes.Load(ref bp, 0), b1 = LoadIf(v > 1, ref bp, 1), b2 = LoadIf(v > 2, ref bp, 2), b3 = LoadIf(v > 3, ref bp, 3);
            // C[i, :] += A[i, p] B[p, :] for the tile's rows, A[i, p] broadcast to every lane
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a, p)), b0, b1, b2, b3, ref c00, ref c01, ref c02, ref c03);
            if (h > 1)
            {
                MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a1, p)), b0, b1, b2, b3, ref c10, ref c11, ref c12, ref c13);
            }
            if (h > 2)
            {
                MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a2, p)), b0, b1, b2, b3, ref c20, ref c21, ref c22, ref c23);
            }
            if (h > 3)
            {
                MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a3, p)), b0, b1, b2, b3, ref c30, ref c31, ref c32, ref c33);
            }
        }
        StoreRow<TWidth>(ref c, c00, c01, c02, c03);
        if (h > 1)
        {
            StoreRow<TWidth>(ref c1, c10, c11, c12, c13);
        }
        if (h > 2)
        {
            StoreRow<TWidth>(ref c2, c20, c21, c22, c23);
        }
        if (h > 3)
        {
            StoreRow<TWidth>(ref c3, c30, c31, c32, c33);
        }
    }

    /// <summary>
    /// A row's first <typeparamref name="TWidth"/> accumulators: C's values, or <paramref name="bias"/> in every lane
    /// (<typeparamref name="TStart"/>); the others zero, and dropped by the JIT, as are all four when the tile has no
    /// such row (<paramref name="present"/> false).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StartRow<TWidth, TStart>(bool present, ref double row, ref double bias, out TVec v0, out TVec v1, out TVec v2, out TVec v3)
        where TWidth : struct, ITileSize
        where TStart : struct, IAccumulatorStart
    {
        int v = TWidth.Count;
        if (!present)
        {
            (v0, v1, v2, v3) = (default, default, default, default); // a row the tile does not have
            return;
        }
        if (TStart.FromBias)
        {
            TVec b = TLanes.Broadcast(bias);
            (v0, v1, v2, v3) = (b, v > 1 ? b : default, v > 2 ? b : default, v > 3 ? b : default);
            return;
        }
        (v0, v1, v2, v3) = (TLanes.Load(ref row, 0), LoadIf(v > 1, ref row, 1), LoadIf(v > 2, ref row, 2), LoadIf(v > 3, ref row, 3));
    }

    /// <summary>The vector at <paramref name="row"/> + <paramref name="vector"/> vectors if the tile has it, else zero.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec LoadIf(bool present, ref double row, int vector) => present ? TLanes.Load(ref row, vector) : default;

    /// <summary>
    /// c_j = x b_j + c_j for the tile's first <typeparamref name="TWidth"/> accumulators of one row. The others are
    /// left alone (not even copied), so that the JIT drops them instead of keeping them live across the k loop.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void MulAddRow<TWidth>(TVec x, TVec b0, TVec b1, TVec b2, TVec b3, ref TVec c0, ref TVec c1, ref TVec c2, ref TVec c3)
        where TWidth : struct, ITileSize
    {
        c0 = TLanes.MulAdd(x, b0, c0);
        if (TWidth.Count > 1)
        {
            c1 = TLanes.MulAdd(x, b1, c1);
        }
        if (TWidth.Count > 2)
        {
            c2 = TLanes.MulAdd(x, b2, c2);
        }
        if (TWidth.Count > 3)
        {
            c3 = TLanes.MulAdd(x, b3, c3);
        }
    }

    /// <summary>Writes the tile's first <typeparamref name="TWidth"/> accumulators of one row back to C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(ref double row, TVec v0, TVec v1, TVec v2, TVec v3)
        where TWidth : struct, ITileSize
    {
        TLanes.Store(v0, ref row, 0);
        if (TWidth.Count > 1)
        {
            TLanes.Store(v1, ref row, 1);
        }
        if (TWidth.Count > 2)
        {
            TLanes.Store(v2, ref row, 2);
        }
        if (TWidth.Count > 3)
        {
            TLanes.Store(v3, ref row, 3);
        }
    }
}

/// <summary>Where a tile's accumulators start, as a type, so that the JIT compiles each start into its tiles.</summary>
internal interface IAccumulatorStart
{
    /// <summary>True: from the row's bias in every lane (C = bias + A B); false: from C's values (C += A B).</summary>
    static abstract bool FromBias { get; }
}

/// <summary>Tiles that add to C: C += A B.</summary>
internal readonly struct StartFromC : IAccumulatorStart
{
    /// <inheritdoc/>
    public static bool FromBias => false;
}

/// <summary>Tiles that start from the bias: C = bias + A B, C's old values never read.</summary>
internal readonly struct StartFromBias : IAccumulatorStart
{
    /// <inheritdoc/>
    public static bool FromBias => true;
}

/// <summary>
/// A tile's height in rows or width in vectors (1 to 4), as a type, so that the JIT compiles one tile per size and folds
/// the rows and vectors a tile does not have.
/// </summary>
internal interface ITileSize
{
    /// <summary>Rows (as a height) or vectors (as a width).</summary>
    static abstract int Count { get; }
}

/// <summary>One row, or one vector across.</summary>
internal readonly struct One : ITileSize
{
    /// <inheritdoc/>
    public static int Count => 1;
}

/// <summary>Two rows, or two vectors across.</summary>
internal readonly struct Two : ITileSize
{
    /// <inheritdoc/>
    public static int Count => 2;
}

/// <summary>Three rows (the 27-row output layer's last three), or three vectors across (the full tile of <see cref="LanesVector"/>).</summary>
internal readonly struct Three : ITileSize
{
    /// <inheritdoc/>
    public static int Count => 3;
}

/// <summary>Four rows (the full tile), or four vectors across (the full tile of <see cref="Lanes512"/>).</summary>
internal readonly struct Four : ITileSize
{
    /// <inheritdoc/>
    public static int Count => 4;
}
