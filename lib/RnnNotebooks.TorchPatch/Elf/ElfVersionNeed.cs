namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>
/// One Vernaux entry of the SHT_GNU_verneed section (.gnu.version_r): the file needs version
/// <paramref name="Name"/> of library <paramref name="File"/>.
/// </summary>
/// <param name="File">vn_file of the enclosing Verneed entry, e.g. "libstdc++.so.6".</param>
/// <param name="Name">vna_name, e.g. "GLIBCXX_3.4.32".</param>
/// <param name="Flags">vna_flags; <see cref="VerFlgWeak"/> makes a missing version a warning, not an error.</param>
/// <param name="FlagsOffset">The file offset of vna_flags (16 bits, little-endian).</param>
public readonly record struct ElfVersionNeed(string File, string Name, ushort Flags, long FlagsOffset)
{
    /// <summary>VER_FLG_WEAK: the dynamic loader accepts the library even when the version is missing.</summary>
    public const ushort VerFlgWeak = 0x2;

    /// <summary>True when <see cref="VerFlgWeak"/> is set.</summary>
    public bool IsWeak => (Flags & VerFlgWeak) != 0;
}
