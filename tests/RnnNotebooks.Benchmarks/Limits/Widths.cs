using System.Numerics;
using System.Runtime.Intrinsics;

namespace RnnNotebooks.Benchmarks;

/// <summary>What this process runs of each <see cref="Width"/>, and the names the tables print.</summary>
internal static class Widths
{
    /// <summary>Widest first.</summary>
    public static readonly Width[] All = [Width.V512, Width.V256, Width.V128, Width.Scalar];

    /// <summary>True when the JIT runs this width as native instructions here (scalar: always).</summary>
    public static bool IsAccelerated(Width width) => width switch
    {
        Width.V512 => Vector512.IsHardwareAccelerated,
        Width.V256 => Vector256.IsHardwareAccelerated,
        Width.V128 => Vector128.IsHardwareAccelerated,
        _ => true,
    };

    /// <summary>The widths this process accelerates, widest first.</summary>
    public static IEnumerable<Width> Accelerated => All.Where(IsAccelerated);

    /// <summary>The widest accelerated width.</summary>
    public static readonly Width Widest = All.First(IsAccelerated);

    /// <summary>The width of <see cref="Vector{T}"/> of double here.</summary>
    public static Width OfVectorT => (Width)Vector<double>.Count;

    /// <summary>"Vector512", "Vector256", "Vector128" or "scalar".</summary>
    public static string Name(Width width) => width == Width.Scalar ? "scalar" : $"Vector{(int)width * 64}";

    /// <summary>The name, marked where a fused multiply-add is emulated in software (x64 without FMA3).</summary>
    public static string NameWithFma(Width width) =>
        Hardware.HasFusedMultiplyAdd ? Name(width) : $"{Name(width)} (FMA emulated)";
}
