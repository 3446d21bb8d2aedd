using RnnNotebooks.TorchPatch.Elf;

namespace RnnNotebooks.TorchPatch;

/// <summary>One libLibTorchSharp.so <see cref="LibTorchSharpPatcher"/> looked at, and what it did to it.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="Outcome">Patched, already weak, or not needing the version; null when the file could not be replaced.</param>
/// <param name="Error">Why the file could not be replaced (e.g. a read-only package folder); null when it was handled.</param>
public readonly record struct PatchedLibrary(string Path, PatchOutcome? Outcome, string? Error = null)
{
    /// <summary>"Patched: /path" or "not replaced (reason): /path".</summary>
    public override string ToString() => Outcome is { } outcome ? $"{outcome}: {Path}" : $"not replaced ({Error}): {Path}";
}
