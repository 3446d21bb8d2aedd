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
/// <item>each panel is walked 4 rows at a time (<see cref="Tile4"/>: a 4-row tile of C held in registers while
/// the k loop issues 4 x width fused multiply-adds a step), the 0 to 3 rows left over one at a time.</item>
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
            Panels(ref Unsafe.Add(ref a, p0), k, ref Unsafe.Add(ref b, p0 * n), ref c, r, kc, n);
        }
    }

    /// <summary>
    /// C += A B and C2 += A2 B', B' = B's rows <paramref name="shift"/> .. <paramref name="shift"/> + k - 1, in one
    /// pass over B: A (r, k), A2 (r2, k), B (k + shift, n), C (r, n), C2 (r2, n), contiguous row-major spans; n ≥
    /// <see cref="Width"/>. Each k-block of each column panel of B is packed once, with the shift rows after it, and both
    /// products run on it (<see cref="PanelsShared"/>): the weight gradients dWaa = [dGa&lt;1&gt; .. dGa&lt;Tx&gt;] [a&lt;0&gt; ..
    /// a&lt;Tx-1&gt;]^T and dWya = [dz_y&lt;1&gt; .. dz_y&lt;Tx&gt;] [a&lt;1&gt; .. a&lt;Tx&gt;]^T read the same states, m rows apart.
    /// Every element takes its terms in increasing p, as in <see cref="MulAdd"/>.
    /// </summary>
    public static void MulAddShared(ReadOnlySpan<double> A, ReadOnlySpan<double> A2, ReadOnlySpan<double> B, Span<double> C, Span<double> C2,
        int r, int r2, int k, int n, int shift)
    {
        ref double a = ref Unsafe.AsRef(in A[0]);
        ref double a2 = ref Unsafe.AsRef(in A2[0]);
        ref double b = ref Unsafe.AsRef(in B[0]);
        ref double c = ref C[0];
        ref double c2 = ref C2[0];
        for (int p0 = 0; p0 < k; p0 += KBlock)
        {
            int kc = Math.Min(KBlock, k - p0);
            PanelsShared(ref Unsafe.Add(ref a, p0), ref Unsafe.Add(ref a2, p0), k, ref Unsafe.Add(ref b, p0 * n), ref c, ref c2, r, r2, kc, n, shift);
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
    private static void Panels(ref double a, int lda, ref double b, ref double c, int r, int kc, int n)
    {
        int w = TLanes.Count, full = TLanes.TileVectors * w;
        bool pack = r >= PackRows;
        ref double panel = ref pack ? ref PackBuffer() : ref Unsafe.NullRef<double>();
        int j = 0;
        for (; j + full <= n; j += full) // one loop whether B is packed or not: a loop that only one kind of product warms would be compiled cold for the other
        {
            PanelOf(TLanes.TileVectors, pack, ref panel, ref a, lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, j), r, kc);
        }
        int rest = (n - j) / w;
        if (rest > 0)
        {
            PanelOf(rest, pack, ref panel, ref a, lda, ref Unsafe.Add(ref b, j), n, ref Unsafe.Add(ref c, j), r, kc);
            j += rest * w;
        }
        ScalarColumns.MulAdd(ref a, lda, ref b, ref c, r, kc, j, n);
    }

    /// <summary>
    /// One k-block of <see cref="MulAddShared"/>, column panel by column panel: kc + shift rows of the panel packed, A's
    /// rows on the first kc, A2's on the kc after the first shift; then the scalar columns of both, from B in place.
    /// </summary>
    private static void PanelsShared(ref double a, ref double a2, int lda, ref double b, ref double c, ref double c2, int r, int r2, int kc, int n, int shift)
    {
        int w = TLanes.Count, j = 0;
        ref double panel = ref PackBuffer(kc + shift);
        while (j + w <= n)
        {
            int vectors = Math.Min(TLanes.TileVectors, (n - j) / w), width = vectors * w;
            Pack(ref Unsafe.Add(ref b, j), n, ref panel, kc + shift, width);
            Panel(vectors, ref a, lda, ref panel, width, ref Unsafe.Add(ref c, j), n, r, kc);
            Panel(vectors, ref a2, lda, ref Unsafe.Add(ref panel, shift * width), width, ref Unsafe.Add(ref c2, j), n, r2, kc);
            j += width;
        }
        ScalarColumns.MulAdd(ref a, lda, ref b, ref c, r, kc, j, n);
        ScalarColumns.MulAdd(ref a2, lda, ref Unsafe.Add(ref b, shift * n), ref c2, r2, kc, j, n);
    }

    /// <summary>One panel <paramref name="vectors"/> vectors wide, B and C with n columns: from B in place, or from its packed copy.</summary>
    private static void PanelOf(int vectors, bool pack, ref double panel, ref double a, int lda, ref double b, int n, ref double c, int r, int kc)
    {
        if (!pack)
        {
            Panel(vectors, ref a, lda, ref b, n, ref c, n, r, kc);
            return;
        }
        int width = vectors * TLanes.Count;
        Pack(ref b, n, ref panel, kc, width);
        Panel(vectors, ref a, lda, ref panel, width, ref c, n, r, kc);
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
    private static void Panel(int vectors, ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int r, int kc)
    {
        switch (vectors)
        {
            case 1: Rows<Width1>(ref a, lda, ref b, ldb, ref c, ldc, r, kc); break;
            case 2: Rows<Width2>(ref a, lda, ref b, ldb, ref c, ldc, r, kc); break;
            case 3: Rows<Width3>(ref a, lda, ref b, ldb, ref c, ldc, r, kc); break;
            default: Rows<Width4>(ref a, lda, ref b, ldb, ref c, ldc, r, kc); break;
        }
    }

    /// <summary>The rows of one panel: 4-row tiles, then the rows left over one at a time.</summary>
    private static void Rows<TWidth>(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int r, int kc)
        where TWidth : struct, ITileWidth
    {
        int i = 0;
        for (; i + 4 <= r; i += 4)
        {
            Tile4<TWidth>(ref Unsafe.Add(ref a, i * lda), lda, ref b, ldb, ref Unsafe.Add(ref c, i * ldc), ldc, kc);
        }
        for (; i < r; i++)
        {
            Tile1<TWidth>(ref Unsafe.Add(ref a, i * lda), ref b, ldb, ref Unsafe.Add(ref c, i * ldc), kc);
        }
    }

    /// <summary>
    /// A 4-row tile: C[0..4, 0..V w] += A[0..4, 0..k] B[0..k, 0..V w], V = <typeparamref name="TWidth"/> vectors.
    /// Per step p it loads V vectors of B, broadcasts A[i, p] for each row and issues 4 V fused multiply-adds.
    /// The JIT folds <c>v &gt; 1</c> etc. (V is a constant of each instantiation), so unused accumulators vanish.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // its own method: inlined into the panel loops it could exhaust their inlining budget, leaving the vector calls inside it as calls
    private static void Tile4<TWidth>(ref double a, int lda, ref double b, int ldb, ref double c, int ldc, int k)
        where TWidth : struct, ITileWidth
    {
        int v = TWidth.Vectors;
        ref double a1 = ref Unsafe.Add(ref a, lda);
        ref double a2 = ref Unsafe.Add(ref a, 2 * lda);
        ref double a3 = ref Unsafe.Add(ref a, 3 * lda);
        ref double c1 = ref Unsafe.Add(ref c, ldc);
        ref double c2 = ref Unsafe.Add(ref c, 2 * ldc);
        ref double c3 = ref Unsafe.Add(ref c, 3 * ldc);
        TVec c00 = TLanes.Load(ref c, 0), c01 = LoadIf(v > 1, ref c, 1), c02 = LoadIf(v > 2, ref c, 2), c03 = LoadIf(v > 3, ref c, 3);
        TVec c10 = TLanes.Load(ref c1, 0), c11 = LoadIf(v > 1, ref c1, 1), c12 = LoadIf(v > 2, ref c1, 2), c13 = LoadIf(v > 3, ref c1, 3);
        TVec c20 = TLanes.Load(ref c2, 0), c21 = LoadIf(v > 1, ref c2, 1), c22 = LoadIf(v > 2, ref c2, 2), c23 = LoadIf(v > 3, ref c2, 3);
        TVec c30 = TLanes.Load(ref c3, 0), c31 = LoadIf(v > 1, ref c3, 1), c32 = LoadIf(v > 2, ref c3, 2), c33 = LoadIf(v > 3, ref c3, 3);
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            TVec b0 = TLanes.Load(ref bp, 0), b1 = LoadIf(v > 1, ref bp, 1), b2 = LoadIf(v > 2, ref bp, 2), b3 = LoadIf(v > 3, ref bp, 3);
            // C[i, :] += A[i, p] B[p, :] for the 4 rows, A[i, p] broadcast to every lane
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a, p)), b0, b1, b2, b3, ref c00, ref c01, ref c02, ref c03);
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a1, p)), b0, b1, b2, b3, ref c10, ref c11, ref c12, ref c13);
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a2, p)), b0, b1, b2, b3, ref c20, ref c21, ref c22, ref c23);
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a3, p)), b0, b1, b2, b3, ref c30, ref c31, ref c32, ref c33);
        }
        StoreRow<TWidth>(ref c, c00, c01, c02, c03);
        StoreRow<TWidth>(ref c1, c10, c11, c12, c13);
        StoreRow<TWidth>(ref c2, c20, c21, c22, c23);
        StoreRow<TWidth>(ref c3, c30, c31, c32, c33);
    }

    /// <summary>One row left over: C[0, 0..V w] += A[0, 0..k] B[0..k, 0..V w], one accumulator a vector.</summary>
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)] // its own method: inlined into the panel loops it could exhaust their inlining budget, leaving the vector calls inside it as calls
    private static void Tile1<TWidth>(ref double a, ref double b, int ldb, ref double c, int k)
        where TWidth : struct, ITileWidth
    {
        int v = TWidth.Vectors;
        TVec c0 = TLanes.Load(ref c, 0), c1 = LoadIf(v > 1, ref c, 1), c2 = LoadIf(v > 2, ref c, 2), c3 = LoadIf(v > 3, ref c, 3);
        for (int p = 0; p < k; p++)
        {
            ref double bp = ref Unsafe.Add(ref b, p * ldb);
            TVec b0 = TLanes.Load(ref bp, 0), b1 = LoadIf(v > 1, ref bp, 1), b2 = LoadIf(v > 2, ref bp, 2), b3 = LoadIf(v > 3, ref bp, 3);
            MulAddRow<TWidth>(TLanes.Broadcast(Unsafe.Add(ref a, p)), b0, b1, b2, b3, ref c0, ref c1, ref c2, ref c3); // C[0, :] += A[0, p] B[p, :]
        }
        StoreRow<TWidth>(ref c, c0, c1, c2, c3);
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
        where TWidth : struct, ITileWidth
    {
        c0 = TLanes.MulAdd(x, b0, c0);
        if (TWidth.Vectors > 1)
        {
            c1 = TLanes.MulAdd(x, b1, c1);
        }
        if (TWidth.Vectors > 2)
        {
            c2 = TLanes.MulAdd(x, b2, c2);
        }
        if (TWidth.Vectors > 3)
        {
            c3 = TLanes.MulAdd(x, b3, c3);
        }
    }

    /// <summary>Writes the tile's first <typeparamref name="TWidth"/> accumulators of one row back to C.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreRow<TWidth>(ref double row, TVec v0, TVec v1, TVec v2, TVec v3)
        where TWidth : struct, ITileWidth
    {
        TLanes.Store(v0, ref row, 0);
        if (TWidth.Vectors > 1)
        {
            TLanes.Store(v1, ref row, 1);
        }
        if (TWidth.Vectors > 2)
        {
            TLanes.Store(v2, ref row, 2);
        }
        if (TWidth.Vectors > 3)
        {
            TLanes.Store(v3, ref row, 3);
        }
    }
}

/// <summary>How many vectors wide a tile is, as a type, so that the JIT compiles one tile per width.</summary>
internal interface ITileWidth
{
    /// <summary>Vectors across the tile (1 to 4).</summary>
    static abstract int Vectors { get; }
}

/// <summary>A tile one vector wide.</summary>
internal readonly struct Width1 : ITileWidth
{
    /// <inheritdoc/>
    public static int Vectors => 1;
}

/// <summary>A tile two vectors wide.</summary>
internal readonly struct Width2 : ITileWidth
{
    /// <inheritdoc/>
    public static int Vectors => 2;
}

/// <summary>A tile three vectors wide (the full tile of <see cref="LanesVector"/>).</summary>
internal readonly struct Width3 : ITileWidth
{
    /// <inheritdoc/>
    public static int Vectors => 3;
}

/// <summary>A tile four vectors wide (the full tile of <see cref="Lanes512"/>).</summary>
internal readonly struct Width4 : ITileWidth
{
    /// <inheritdoc/>
    public static int Vectors => 4;
}
