using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// What <see cref="TiledKernel{TLanes, TVec}"/> needs of one SIMD vector type of doubles. Each implementation is a
/// struct, so the JIT compiles the kernel once per vector type with these members inlined as single instructions.
/// </summary>
/// <typeparam name="TVec">The vector: <see cref="Vector512{T}"/> or <see cref="Vector{T}"/> of double.</typeparam>
internal interface ILanes<TVec> where TVec : struct
{
    /// <summary>Doubles in one vector.</summary>
    static abstract int Count { get; }

    /// <summary>Vectors across one row of the 4-row register tile: 4 x this many accumulators, plus one broadcast
    /// and this many loads of B, must fit in the register file.</summary>
    static abstract int TileVectors { get; }

    /// <summary>True when this CPU runs the vector natively (not emulated).</summary>
    static abstract bool IsAccelerated { get; }

    /// <summary>The vector at <paramref name="source"/> + <paramref name="vector"/> vectors.</summary>
    static abstract TVec Load(ref double source, int vector);

    /// <summary>Writes <paramref name="value"/> at <paramref name="destination"/> + <paramref name="vector"/> vectors.</summary>
    static abstract void Store(TVec value, ref double destination, int vector);

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TVec Broadcast(double value);

    /// <summary>x b + c, fused (one rounding).</summary>
    static abstract TVec MulAdd(TVec x, TVec b, TVec c);

    /// <summary>x + c, lane by lane (one rounding each).</summary>
    static abstract TVec Add(TVec x, TVec c);

    /// <summary>
    /// The <see cref="OctetTree"/> over one octet of partials held in 8 / <see cref="Count"/> vectors, in lane order
    /// (vector u holds partials u Count .. u Count + Count - 1); the vectors past those are ignored.
    /// </summary>
    static abstract double Combine(TVec s0, TVec s1, TVec s2, TVec s3, TVec s4, TVec s5, TVec s6, TVec s7);
}

/// <summary>512-bit vectors (8 doubles), for CPUs with AVX-512: 4 x 4 accumulators of the 32 zmm registers.</summary>
internal readonly struct Lanes512 : ILanes<Vector512<double>>
{
    /// <inheritdoc/>
    public static int Count => Vector512<double>.Count;

    /// <inheritdoc/>
    public static int TileVectors => 4;

    /// <inheritdoc/>
    public static bool IsAccelerated => Vector512.IsHardwareAccelerated;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Load(ref double source, int vector) => Vector512.LoadUnsafe(ref source, (nuint)(vector * Count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector512<double> value, ref double destination, int vector) => value.StoreUnsafe(ref destination, (nuint)(vector * Count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Broadcast(double value) => Vector512.Create(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> MulAdd(Vector512<double> x, Vector512<double> b, Vector512<double> c) => Vector512.FusedMultiplyAdd(x, b, c);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<double> Add(Vector512<double> x, Vector512<double> c) => x + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(Vector512<double> s0, Vector512<double> s1, Vector512<double> s2, Vector512<double> s3,
        Vector512<double> s4, Vector512<double> s5, Vector512<double> s6, Vector512<double> s7) => OctetTree.Of(s0);
}

/// <summary>
/// <see cref="Vector{T}"/>: the width the runtime picks (4 doubles on AVX2, and on AVX-512 unless told otherwise;
/// 2 on ARM64 NEON); 4 x 3 accumulators, which 16 vector registers hold. On AVX2 the JIT gives it the very code a
/// <see cref="Vector256{T}"/> instantiation gets (checked with DOTNET_JitDisasm), so there is no separate 256-bit kernel.
/// </summary>
internal readonly struct LanesVector : ILanes<Vector<double>>
{
    /// <inheritdoc/>
    public static int Count => Vector<double>.Count;

    /// <inheritdoc/>
    public static int TileVectors => 3;

    /// <inheritdoc/>
    /// <remarks>False where fused multiply-add would be emulated (x64 without FMA): scalar code gives the same bits faster there.</remarks>
    public static bool IsAccelerated => Vector.IsHardwareAccelerated && Hardware.HasFusedMultiplyAdd;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Load(ref double source, int vector) => Vector.LoadUnsafe(ref source, (nuint)(vector * Count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(Vector<double> value, ref double destination, int vector) => value.StoreUnsafe(ref destination, (nuint)(vector * Count));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Broadcast(double value) => new(value);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> MulAdd(Vector<double> x, Vector<double> b, Vector<double> c) => Vector.FusedMultiplyAdd(x, b, c);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Add(Vector<double> x, Vector<double> c) => x + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(Vector<double> s0, Vector<double> s1, Vector<double> s2, Vector<double> s3,
        Vector<double> s4, Vector<double> s5, Vector<double> s6, Vector<double> s7) => Count switch
    {
        8 => OctetTree.Of(s0.AsVector512()),
        4 => OctetTree.Of(s0.AsVector256(), s1.AsVector256()),
        2 => OctetTree.Of(s0.AsVector128(), s1.AsVector128(), s2.AsVector128(), s3.AsVector128()),
        _ => throw new NotSupportedException($"Vector<double> of {Count} lanes does not hold an octet of partials; Reductions uses scalars then."),
    };
}
