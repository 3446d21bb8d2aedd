using System.Runtime.CompilerServices;

namespace RnnNotebooks;

/// <summary>
/// One double as a one-lane vector: the remainder after the full vectors, and <see cref="CanonicalMath"/>. A mask is
/// the double whose 64 bits are all set (true) or all clear (false), so selects work on bits as the vectors' do.
/// </summary>
internal readonly struct SimdScalar : ISimd<double>
{
    /// <summary>The mask of a comparison that holds: all 64 bits set.</summary>
    private static double True => BitConverter.Int64BitsToDouble(-1L);

    /// <inheritdoc/>
    public static int Count => 1;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Create(double value) => value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Load(ref double source, nuint elementOffset) => Unsafe.Add(ref source, elementOffset);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Store(double value, ref double destination, nuint elementOffset) => Unsafe.Add(ref destination, elementOffset) = value;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Add(double a, double b) => a + b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Subtract(double a, double b) => a - b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Multiply(double a, double b) => a * b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Divide(double a, double b) => a / b;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FusedMultiplyAdd(double a, double b, double c) => Math.FusedMultiplyAdd(a, b, c);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Equals(double a, double b) => a == b ? True : 0.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double LessThan(double a, double b) => a < b ? True : 0.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GreaterThan(double a, double b) => a > b ? True : 0.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double GreaterThanOrEqual(double a, double b) => a >= b ? True : 0.0;

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ConditionalSelect(double mask, double whenTrue, double whenFalse)
    {
        long m = BitConverter.DoubleToInt64Bits(mask); // bit by bit, as the vectors do: no branch on the data
        return BitConverter.Int64BitsToDouble((BitConverter.DoubleToInt64Bits(whenTrue) & m) | (BitConverter.DoubleToInt64Bits(whenFalse) & ~m));
    }

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Abs(double a) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & long.MaxValue);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double And(double a, double b) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) & BitConverter.DoubleToInt64Bits(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Or(double a, double b) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) | BitConverter.DoubleToInt64Bits(b));

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShiftLeftBits(double a, int count) => BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(a) << count);

    /// <inheritdoc/>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ShiftRightBits(double a, int count) =>
        BitConverter.Int64BitsToDouble((long)((ulong)BitConverter.DoubleToInt64Bits(a) >> count));
}
