using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnNotebooks;

/// <summary>What the CPU does natively, where the choice of a path depends on it (never the numbers: every path gives the same bits).</summary>
internal static class Hardware
{
    /// <summary>
    /// True when fused multiply-add is an instruction (x64 FMA3, every ARM64). Without it (x64 with
    /// DOTNET_EnableAVX2=0, or an old CPU) .NET emulates each lane's fused multiply-add exactly in software, so 128-bit
    /// vectors are slower there than plain scalar code, which computes the same bits.
    /// </summary>
    public static bool HasFusedMultiplyAdd => Fma.IsSupported || AdvSimd.IsSupported;
}
