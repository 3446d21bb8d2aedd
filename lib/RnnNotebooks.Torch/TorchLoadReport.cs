namespace RnnNotebooks.Torch;

/// <summary>What <see cref="TorchSetup.EnsureLoaded"/> found and did, and how long it took.</summary>
/// <param name="LibStdCxxPath">The libstdc++.so.6 this process uses; null off Linux or when not found.</param>
/// <param name="HasRequiredVersion">True when it defines <see cref="TorchSetup.RequiredVersion"/> (or off Linux): nothing needed patching.</param>
/// <param name="Libraries">Every libLibTorchSharp.so looked at; empty when nothing needed patching.</param>
/// <param name="PatchTime">Time spent checking libstdc++ and patching.</param>
/// <param name="TotalTime">Time of the whole first call: patching, loading libtorch, setting the thread count.</param>
public sealed record TorchLoadReport(
    string? LibStdCxxPath,
    bool HasRequiredVersion,
    IReadOnlyList<PatchedLibrary> Libraries,
    TimeSpan PatchTime,
    TimeSpan TotalTime)
{
    /// <summary>A few lines for a notebook or a log.</summary>
    public override string ToString()
    {
        var lines = new List<string>
        {
            $"libstdc++: {LibStdCxxPath ?? "(not found)"}, {TorchSetup.RequiredVersion} {(HasRequiredVersion ? "present" : "missing")}",
        };
        lines.AddRange(Libraries.Select(l => $"  {l}"));
        lines.Add($"patch {PatchTime.TotalMilliseconds:F0} ms, total first call {TotalTime.TotalMilliseconds:F0} ms");
        return string.Join(Environment.NewLine, lines);
    }
}
