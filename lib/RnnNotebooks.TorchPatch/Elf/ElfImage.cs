using System.Buffers.Binary;

namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>
/// An ELF64 little-endian file held in memory, with its section header table parsed from the ELF header
/// (e_shoff, e_shentsize, e_shnum). Every read is bounds-checked: a field outside the file or outside its
/// section throws an <see cref="ElfFormatException"/> naming the file and the offset.
/// </summary>
public sealed class ElfImage
{
    /// <summary>sh_type of the GNU version-requirements section (.gnu.version_r): Verneed/Vernaux entries.</summary>
    public const uint ShtGnuVerneed = 0x6ffffffe;

    /// <summary>sh_type of the GNU version-definitions section (.gnu.version_d): Verdef/Verdaux entries.</summary>
    public const uint ShtGnuVerdef = 0x6ffffffd;

    private const int HeaderSize = 64;        // sizeof(Elf64_Ehdr)
    private const int SectionHeaderSize = 64; // sizeof(Elf64_Shdr)

    private ElfImage(string path, byte[] bytes)
    {
        Path = path;
        Bytes = bytes;
        Sections = ReadSectionHeaders();
    }

    /// <summary>The file the bytes came from (used in error messages).</summary>
    public string Path { get; }

    /// <summary>The whole file; patches are written into this array.</summary>
    public byte[] Bytes { get; }

    /// <summary>Every section header, in table order.</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    public static ElfImage Load(string path) => Parse(File.ReadAllBytes(path), path);

    /// <summary>Parses <paramref name="bytes"/>, the contents of <paramref name="path"/>.</summary>
    /// <exception cref="ElfFormatException">Not an ELF64 little-endian file, or its section table is out of bounds.</exception>
    public static ElfImage Parse(byte[] bytes, string path)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(path);
        CheckIdent(bytes, path);
        return new ElfImage(path, bytes);
    }

    /// <summary>The only section of type <paramref name="type"/>, or null when there is none.</summary>
    /// <exception cref="ElfFormatException">More than one section has that type.</exception>
    public ElfSection? SingleSection(uint type)
    {
        var found = Sections.Where(s => s.Type == type).ToList();
        return found.Count switch
        {
            0 => null,
            1 => found[0],
            _ => throw Error($"{found.Count} sections have type 0x{type:x}; expected at most one"),
        };
    }

    /// <summary>The section at <paramref name="index"/> in the table (e.g. a version section's sh_link).</summary>
    public ElfSection SectionAt(uint index, string what) =>
        index < Sections.Count ? Sections[(int)index] : throw Error($"{what} names section {index}; the file has {Sections.Count}");

    /// <summary>The NUL-terminated string at <paramref name="offset"/> inside string table <paramref name="strtab"/>.</summary>
    public string ReadString(ElfSection strtab, uint offset)
    {
        long start = strtab.Offset + offset;
        if (offset >= strtab.Size)
        {
            throw Error($"string offset 0x{offset:x} is outside the string table (section {strtab.Index}, 0x{strtab.Size:x} bytes)");
        }
        int end = Array.IndexOf(Bytes, (byte)0, (int)start, (int)(strtab.End - start));
        if (end < 0)
        {
            throw Error($"the string at 0x{start:x} has no terminating NUL inside its string table");
        }
        return System.Text.Encoding.ASCII.GetString(Bytes, (int)start, end - (int)start);
    }

    /// <summary>The little-endian 16-bit field at <paramref name="offset"/>, which must lie inside <paramref name="section"/>.</summary>
    public ushort U16(ElfSection section, long offset) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(section, offset, 2));

    /// <summary>The little-endian 32-bit field at <paramref name="offset"/>, which must lie inside <paramref name="section"/>.</summary>
    public uint U32(ElfSection section, long offset) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(section, offset, 4));

    /// <summary>Writes a little-endian 16-bit field at <paramref name="offset"/> inside <paramref name="section"/>.</summary>
    public void WriteU16(ElfSection section, long offset, ushort value) =>
        BinaryPrimitives.WriteUInt16LittleEndian(Bytes.AsSpan(CheckRange(section, offset, 2), 2), value);

    /// <summary>An <see cref="ElfFormatException"/> about this file.</summary>
    public ElfFormatException Error(string problem) => new(Path, problem);

    private Span<byte> Slice(ElfSection section, long offset, int length) => Bytes.AsSpan(CheckRange(section, offset, length), length);

    private int CheckRange(ElfSection section, long offset, int length)
    {
        if (offset < section.Offset || offset + length > section.End)
        {
            throw Error($"a {length}-byte field at 0x{offset:x} lies outside section {section.Index} (0x{section.Offset:x}..0x{section.End:x})");
        }
        return (int)offset;
    }

    private static void CheckIdent(byte[] bytes, string path)
    {
        if (bytes.Length < HeaderSize)
        {
            throw new ElfFormatException(path, $"the file has {bytes.Length} bytes, fewer than an ELF64 header ({HeaderSize})");
        }
        if (bytes[0] != 0x7f || bytes[1] != (byte)'E' || bytes[2] != (byte)'L' || bytes[3] != (byte)'F')
        {
            throw new ElfFormatException(path, $"the magic number is {Convert.ToHexString(bytes, 0, 4)}, not 7F454C46 (\\x7fELF)");
        }
        if (bytes[4] != 2)
        {
            throw new ElfFormatException(path, $"EI_CLASS is {bytes[4]}; expected 2 (ELFCLASS64)");
        }
        if (bytes[5] != 1)
        {
            throw new ElfFormatException(path, $"EI_DATA is {bytes[5]}; expected 1 (little-endian)");
        }
    }

    private ElfSection[] ReadSectionHeaders()
    {
        var header = Bytes.AsSpan(0, HeaderSize);
        ulong shoff = BinaryPrimitives.ReadUInt64LittleEndian(header[0x28..]);     // e_shoff
        int shentsize = BinaryPrimitives.ReadUInt16LittleEndian(header[0x3A..]);  // e_shentsize
        long shnum = BinaryPrimitives.ReadUInt16LittleEndian(header[0x3C..]);     // e_shnum
        if (shoff == 0)
        {
            throw Error("e_shoff is 0: the file has no section header table");
        }
        if (shentsize != SectionHeaderSize)
        {
            throw Error($"e_shentsize is {shentsize}; expected {SectionHeaderSize}");
        }
        CheckTable(shoff, 1);
        if (shnum == 0)
        {
            shnum = (long)BinaryPrimitives.ReadUInt64LittleEndian(Bytes.AsSpan((int)shoff + 0x20)); // extended numbering: sh_size of section 0
        }
        CheckTable(shoff, shnum);
        var sections = new ElfSection[shnum];
        for (int i = 0; i < shnum; i++)
        {
            sections[i] = ReadSectionHeader(i, Bytes.AsSpan((int)shoff + i * SectionHeaderSize, SectionHeaderSize));
        }
        return sections;
    }

    private void CheckTable(ulong shoff, long count)
    {
        ulong end = shoff + (ulong)count * SectionHeaderSize;
        if (end > (ulong)Bytes.Length || end < shoff)
        {
            throw Error($"the section header table (offset 0x{shoff:x}, {count} entries) ends at 0x{end:x}, past the end of the file (0x{Bytes.Length:x})");
        }
    }

    private ElfSection ReadSectionHeader(int index, ReadOnlySpan<byte> h)
    {
        uint type = BinaryPrimitives.ReadUInt32LittleEndian(h[0x04..]);   // sh_type
        ulong offset = BinaryPrimitives.ReadUInt64LittleEndian(h[0x18..]); // sh_offset
        ulong size = BinaryPrimitives.ReadUInt64LittleEndian(h[0x20..]);   // sh_size
        uint link = BinaryPrimitives.ReadUInt32LittleEndian(h[0x28..]);    // sh_link
        uint info = BinaryPrimitives.ReadUInt32LittleEndian(h[0x2C..]);    // sh_info
        const uint ShtNobits = 8;
        if (type != ShtNobits && (offset > (ulong)Bytes.Length || size > (ulong)Bytes.Length - offset))
        {
            throw Error($"section {index} (type 0x{type:x}) spans 0x{offset:x}..0x{offset + size:x}, past the end of the file (0x{Bytes.Length:x})");
        }
        return new ElfSection(index, type, (long)offset, type == ShtNobits ? 0 : (long)size, link, info);
    }
}
