namespace RnnNotebooks.TorchPatch;

/// <summary>What <see cref="LibTorchSharpPatcher.Run"/> found and did.</summary>
/// <param name="LibStdCxxPath">The libstdc++.so.6 this machine's processes bind to; null off Linux or when not found.</param>
/// <param name="HasRequiredVersion">True when it defines <see cref="LibTorchSharpPatcher.RequiredVersion"/> (or off Linux): nothing needs patching.</param>
/// <param name="Libraries">Every libLibTorchSharp.so looked at; empty when nothing needed patching.</param>
public sealed record PatchReport(string? LibStdCxxPath, bool HasRequiredVersion, IReadOnlyList<PatchedLibrary> Libraries)
{
    /// <summary>One line for the machine, then one per library.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            OperatingSystem.IsLinux()
                ? $"libstdc++: {LibStdCxxPath ?? "(not found)"}, {LibTorchSharpPatcher.RequiredVersion} {(HasRequiredVersion ? "present: nothing to patch" : "missing")}"
                : "not Linux: nothing to patch",
        };
        lines.AddRange(Libraries.Select(l => $"  {l}"));
        return string.Join(Environment.NewLine, lines);
    }
}
