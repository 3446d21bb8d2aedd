using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// One double as a "vector" of one lane: the path of a CPU that accelerates no vectors (or of
/// DOTNET_EnableHWIntrinsic=0). <see cref="MulAdd"/> is <see cref="Math.FusedMultiplyAdd"/>, exact in software where
/// the CPU has no FMA instruction, so this path gives the same bits as every vector path.
/// </summary>
internal readonly struct LanesScalar : ILanes<double>
{
    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    public static int TileVectors => 1;

    /// <inheritdoc/>
    public static bool IsAccelerated => true;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, int vector) => Unsafe.Add(ref source, vector);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double value, ref double destination, int vector) => Unsafe.Add(ref destination, vector) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Broadcast(double value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MulAdd(double x, double b, double c) => Math.FusedMultiplyAdd(x, b, c);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double x, double c) => x + c;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Combine(double s0, double s1, double s2, double s3, double s4, double s5, double s6, double s7) =>
        OctetTree.Of(s0, s1, s2, s3, s4, s5, s6, s7);
}
