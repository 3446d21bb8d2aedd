using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// One instruction set a reader's machine may give the core, made on this machine by the .NET switches of a child
/// process (.NET 10: DOTNET_EnableAVX512F does nothing, DOTNET_EnableAVX2=0 also turns FMA off; DOTNET_MaxVectorTBitWidth=128
/// gives the core 128-bit vectors with FMA, as ARM64 NEON has, though its element-wise functions still run 256-bit). libtorch is held to the
/// same set (ATEN_CPU_CAPABILITY for its own kernels, MKL_ENABLE_INSTRUCTIONS and ONEDNN_MAX_CPU_ISA for the libraries
/// it links), so the ratio columns compare like with like.
/// </summary>
/// <param name="Name">What the tables are headed with.</param>
/// <param name="Environment">Variables set in the child; a null value removes the variable.</param>
/// <param name="Lacks">Why this CPU cannot run the set, or null when it can.</param>
internal sealed record IsaSet(string Name, IReadOnlyDictionary<string, string?> Environment, string? Lacks)
{
    private const string No512 = "DOTNET_EnableAVX512", NoAvx2 = "DOTNET_EnableAVX2", Intrinsics = "DOTNET_EnableHWIntrinsic";
    private const string VectorT = "DOTNET_MaxVectorTBitWidth";
    private const string Aten = "ATEN_CPU_CAPABILITY", Mkl = "MKL_ENABLE_INSTRUCTIONS", OneDnn = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The five sets, widest first, each saying whether this CPU has it (judged by this process: run --isa without DOTNET_Enable* switches).</summary>
    public static IReadOnlyList<IsaSet> All =>
    [
        new("AVX-512 (as is)", Env((No512, null), (NoAvx2, null), (Intrinsics, null), (VectorT, null), (Aten, null), (Mkl, null), (OneDnn, null)),
            Vector512.IsHardwareAccelerated ? null : "this CPU (or this process) runs no 512-bit vectors"),
        new("AVX2 (DOTNET_EnableAVX512=0)", Env((No512, "0"), (NoAvx2, null), (Intrinsics, null), (VectorT, null), (Aten, "avx2"), (Mkl, "AVX2"), (OneDnn, "AVX2")),
            Avx2.IsSupported && Fma.IsSupported ? null : "this CPU has no AVX2 and FMA"),
        new("128-bit with FMA, standing in for ARM64 NEON (DOTNET_EnableAVX512=0 DOTNET_MaxVectorTBitWidth=128)",
            Env((No512, "0"), (NoAvx2, null), (Intrinsics, null), (VectorT, "128"), (Aten, "default"), (Mkl, "SSE4_2"), (OneDnn, "SSE41")),
            Avx2.IsSupported && Fma.IsSupported ? null : "this CPU has no FMA (or is an ARM64, whose own NEON path is the next set)"),
        new(AdvSimd.IsSupported ? "128-bit NEON (as is on ARM64)" : "128-bit, no FMA instruction (DOTNET_EnableAVX512=0 DOTNET_EnableAVX2=0)",
            Env((No512, "0"), (NoAvx2, "0"), (Intrinsics, null), (VectorT, null), (Aten, "default"), (Mkl, "SSE4_2"), (OneDnn, "SSE41")),
            Vector128.IsHardwareAccelerated ? null : "this CPU runs no 128-bit vectors"),
        new("scalar (DOTNET_EnableHWIntrinsic=0)", Env((No512, null), (NoAvx2, null), (Intrinsics, "0"), (VectorT, null), (Aten, "default"), (Mkl, "SSE4_2"), (OneDnn, "SSE41")),
            null),
    ];

    private static Dictionary<string, string?> Env(params (string Name, string? Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value);
}
