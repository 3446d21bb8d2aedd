using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// A way to start a .NET child process so that it computes as a machine with fewer instruction sets would: the runtime's
/// DOTNET_Enable* switches (see the last section of PITFALLS, "Instruction sets and reproducibility").
/// </summary>
/// <param name="Name">What it runs, e.g. "DOTNET_EnableAVX512=0 (256-bit vectors)".</param>
/// <param name="Environment">The variables the child gets.</param>
/// <param name="Absent">Why this CPU cannot show it (it lacks what the switch turns off, so the child would compute as another set does); null when it can.</param>
public sealed record InstructionSet(string Name, IReadOnlyDictionary<string, string> Environment, string? Absent)
{
    /// <summary>
    /// Every set that applies to this kind of CPU, widest first: on x64 as it is, without AVX-512 (256-bit vectors),
    /// without AVX-512 and with 128-bit <c>Vector&lt;T&gt;</c> (the products' and sums' lanes as wide as ARM64's NEON, fused
    /// multiply-add still an instruction), without AVX2 too (128-bit vectors, fused multiply-add emulated), and with no
    /// hardware intrinsics (scalar); on ARM64 as it is and scalar.
    /// </summary>
    public static IReadOnlyList<InstructionSet> OfThisProcess() =>
        RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.X86 ? X64() : Arm64();

    /// <summary>
    /// The widest set this CPU can show after the one it runs as it is: without AVX-512 on a CPU that has it, else (an AVX2
    /// CPU) 128-bit <c>Vector&lt;T&gt;</c> with fused multiply-add kept, which runs at full speed where the set without AVX2
    /// emulates every fused multiply-add (a notebook there takes several times its time limit); else scalar; null when
    /// the process has no hardware vectors to switch off.
    /// </summary>
    public static InstructionSet? SecondOfThisProcess() => OfThisProcess().Skip(1).FirstOrDefault(set => set.Absent is null);

    private static IReadOnlyList<InstructionSet> X64() =>
    [
        new($"as it is ({Widest()})", new Dictionary<string, string>(), null),
        new("DOTNET_EnableAVX512=0 (256-bit vectors)", Switches(("DOTNET_EnableAVX512", "0")),
            Avx512F.IsSupported ? null : "this CPU has no AVX-512, so it computes as it is"),
        new("DOTNET_EnableAVX512=0 DOTNET_MaxVectorTBitWidth=128 (128-bit Vector<T> with FMA, as ARM64's products)",
            Switches(("DOTNET_EnableAVX512", "0"), ("DOTNET_MaxVectorTBitWidth", "128")),
            Fma.IsSupported && Vector<double>.Count > 2 ? null : "this process has no FMA or already runs 128-bit Vector<T>, so it computes as another set does"),
        new("DOTNET_EnableAVX512=0 DOTNET_EnableAVX2=0 (128-bit vectors, as ARM64)", Switches(("DOTNET_EnableAVX512", "0"), ("DOTNET_EnableAVX2", "0")),
            Avx2.IsSupported ? null : "this CPU has no AVX2, so it computes as it is"),
        new("DOTNET_EnableHWIntrinsic=0 (scalar)", Switches(("DOTNET_EnableHWIntrinsic", "0")),
            Vector128.IsHardwareAccelerated ? null : "this process has no hardware vectors, so it computes as it is"),
    ];

    private static IReadOnlyList<InstructionSet> Arm64() =>
    [
        new($"as it is ({Widest()})", new Dictionary<string, string>(), null),
        new("DOTNET_EnableHWIntrinsic=0 (scalar)", Switches(("DOTNET_EnableHWIntrinsic", "0")),
            Vector128.IsHardwareAccelerated ? null : "this process has no hardware vectors, so it computes as it is"),
    ];

    private static string Widest() =>
        Vector512.IsHardwareAccelerated ? "512-bit vectors"
        : Vector256.IsHardwareAccelerated ? "256-bit vectors"
        : Vector128.IsHardwareAccelerated ? "128-bit vectors"
        : "scalar";

    private static Dictionary<string, string> Switches(params (string Name, string Value)[] switches) =>
        switches.ToDictionary(s => s.Name, s => s.Value);
}
