namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>One ELF64 section header: the fields the version sections need.</summary>
/// <param name="Index">The section's index in the section header table.</param>
/// <param name="Type">sh_type, e.g. <see cref="ElfImage.ShtGnuVerneed"/>.</param>
/// <param name="Offset">sh_offset: where the section's bytes start in the file.</param>
/// <param name="Size">sh_size: how many bytes it has.</param>
/// <param name="Link">sh_link: for the version sections, the index of their string table (.dynstr).</param>
/// <param name="Info">sh_info: for the version sections, the number of entries.</param>
public readonly record struct ElfSection(int Index, uint Type, long Offset, long Size, uint Link, uint Info)
{
    /// <summary>The first byte past the section.</summary>
    public long End => Offset + Size;
}
