using System.Runtime.Intrinsics;

namespace RnnNotebooks;

/// <summary>
/// The IEEE operations <see cref="ElementwiseKernels"/> is written in, over one SIMD vector of doubles or one double.
/// Each implementation is a readonly struct, so the JIT compiles a kernel once per width with these members inlined;
/// every lane of every width, and the scalar implementation, runs the same operations in the same order, so all give
/// the same bits.
/// </summary>
/// <remarks>
/// A mask (what the comparisons return) has every bit of a lane set where the comparison holds and none where it
/// does not; <see cref="ConditionalSelect"/> takes bits from its second or third argument by the mask's bits.
/// </remarks>
/// <typeparam name="TVec"><see cref="Vector512{T}"/>, <see cref="Vector256{T}"/> or <see cref="Vector128{T}"/> of
/// double, or double itself.</typeparam>
internal interface ISimd<TVec> where TVec : struct
{
    /// <summary>Doubles in one <typeparamref name="TVec"/>.</summary>
    static abstract int Count { get; }

    /// <summary><paramref name="value"/> in every lane.</summary>
    static abstract TVec Create(double value);

    /// <summary>The <see cref="Count"/> doubles from <paramref name="source"/> + <paramref name="elementOffset"/> elements.</summary>
    static abstract TVec Load(ref double source, nuint elementOffset);

    /// <summary>Writes <paramref name="value"/> at <paramref name="destination"/> + <paramref name="elementOffset"/> elements.</summary>
    static abstract void Store(TVec value, ref double destination, nuint elementOffset);

    /// <summary>a + b, lane by lane.</summary>
    static abstract TVec Add(TVec a, TVec b);

    /// <summary>a - b, lane by lane.</summary>
    static abstract TVec Subtract(TVec a, TVec b);

    /// <summary>a b, lane by lane.</summary>
    static abstract TVec Multiply(TVec a, TVec b);

    /// <summary>a / b, lane by lane.</summary>
    static abstract TVec Divide(TVec a, TVec b);

    /// <summary>a b + c with one rounding, lane by lane (emulated exactly where the CPU has no FMA instruction).</summary>
    static abstract TVec FusedMultiplyAdd(TVec a, TVec b, TVec c);

    /// <summary>The mask of lanes where a = b (false where either is NaN).</summary>
    static abstract TVec Equals(TVec a, TVec b);

    /// <summary>The mask of lanes where a &lt; b (false where either is NaN).</summary>
    static abstract TVec LessThan(TVec a, TVec b);

    /// <summary>The mask of lanes where a &gt; b (false where either is NaN).</summary>
    static abstract TVec GreaterThan(TVec a, TVec b);

    /// <summary>The mask of lanes where a ≥ b (false where either is NaN).</summary>
    static abstract TVec GreaterThanOrEqual(TVec a, TVec b);

    /// <summary>Bits of <paramref name="whenTrue"/> where <paramref name="mask"/>'s bits are set, else of <paramref name="whenFalse"/>.</summary>
    static abstract TVec ConditionalSelect(TVec mask, TVec whenTrue, TVec whenFalse);

    /// <summary>|a|: a with its sign bit cleared.</summary>
    static abstract TVec Abs(TVec a);

    /// <summary>The bitwise and of the lanes' bits.</summary>
    static abstract TVec And(TVec a, TVec b);

    /// <summary>The bitwise or of the lanes' bits.</summary>
    static abstract TVec Or(TVec a, TVec b);

    /// <summary>Each lane's 64 bits, read as a long, shifted left by <paramref name="count"/>.</summary>
    static abstract TVec ShiftLeftBits(TVec a, int count);

    /// <summary>Each lane's 64 bits, read as an unsigned long, shifted right by <paramref name="count"/> (zeros come in).</summary>
    static abstract TVec ShiftRightBits(TVec a, int count);
}
