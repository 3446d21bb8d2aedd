using RnnNotebooks.Shared;


namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>
/// Marks a version requirement of a shared library weak: sets VER_FLG_WEAK (0x2) in vna_flags of every Vernaux
/// entry with the given name. The dynamic loader then accepts the library where that version is missing. Nothing
/// else in the file changes, and the file is replaced atomically: the new bytes go to a temporary file beside it,
/// which is flushed and renamed over the original, so no reader ever sees a half-written library.
/// </summary>
public static class ElfVersionPatcher
{
    /// <summary>Marks every requirement of <paramref name="versionName"/> in <paramref name="path"/> weak.</summary>
    /// <param name="path">An ELF64 little-endian shared library.</param>
    /// <param name="versionName">The version to make weak, e.g. "GLIBCXX_3.4.32".</param>
    /// <returns>Whether the file was patched, already weak, or never needed that version.</returns>
    /// <exception cref="ElfFormatException">The file is not as expected; it is left untouched.</exception>
    public static PatchOutcome MarkWeak(string path, string versionName)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentException.ThrowIfNullOrEmpty(versionName);
        var elf = ElfImage.Load(path);
        var needs = ElfVersions.Needs(elf).Where(n => n.Name == versionName).ToList();
        if (needs.Count == 0)
        {
            return PatchOutcome.NotRequired;
        }
        if (needs.All(n => n.IsWeak))
        {
            return PatchOutcome.AlreadyWeak;
        }
        var section = elf.SingleSection(ElfImage.ShtGnuVerneed)!.Value;
        foreach (var need in needs)
        {
            elf.WriteU16(section, need.FlagsOffset, (ushort)(need.Flags | ElfVersionNeed.VerFlgWeak)); // vna_flags |= VER_FLG_WEAK
        }
        AtomicFile.Replace(path, elf.Bytes);
        return PatchOutcome.Patched;
    }
}
