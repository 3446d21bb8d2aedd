namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>
/// Reads the GNU symbol-versioning sections: what versions a file needs (Verneed/Vernaux, 16 bytes each) and what
/// versions it defines (Verdef, 20 bytes, with Verdaux names). Entries are walked through their vn_next/vna_next
/// and vd_next links, counted by sh_info, and every field is checked to lie inside its section.
/// </summary>
public static class ElfVersions
{
    private static readonly Chain Verneed = new(ElfImage.ShtGnuVerneed, ".gnu.version_r", "Verneed", 12, "vn_next");
    private static readonly Chain Verdef = new(ElfImage.ShtGnuVerdef, ".gnu.version_d", "Verdef", 16, "vd_next");

    /// <summary>Every version requirement of <paramref name="elf"/>, in file order; empty when it has no .gnu.version_r.</summary>
    /// <exception cref="ElfFormatException">A Verneed chain is broken or an entry's hash does not match its name.</exception>
    public static IReadOnlyList<ElfVersionNeed> Needs(ElfImage elf) =>
        Walk<ElfVersionNeed>(elf, Verneed, (section, strtab, at, needs) =>
        {
            ushort count = elf.U16(section, at + 2);                        // vn_cnt
            string file = elf.ReadString(strtab, elf.U32(section, at + 4)); // vn_file
            ReadAux(elf, section, strtab, file, at + elf.U32(section, at + 8), count, needs); // vn_aux
        });

    /// <summary>The version names <paramref name="elf"/> defines (e.g. GLIBCXX_3.4.30); empty when it has no .gnu.version_d.</summary>
    public static IReadOnlyList<string> Definitions(ElfImage elf) =>
        Walk<string>(elf, Verdef, (section, strtab, at, names) =>
        {
            if (elf.U16(section, at + 6) > 0)                               // vd_cnt
            {
                long aux = at + elf.U32(section, at + 12);                  // vd_aux -> first Verdaux
                names.Add(elf.ReadString(strtab, elf.U32(section, aux)));   // vda_name
            }
        });

    /// <summary>The System V ELF hash of <paramref name="name"/>, which vna_hash and vd_hash hold.</summary>
    public static uint Hash(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        uint h = 0;
        foreach (char c in name)
        {
            h = (h << 4) + (byte)c;
            uint g = h & 0xf0000000;
            if (g != 0)
            {
                h ^= g >> 24;
            }
            h &= ~g;
        }
        return h;
    }

    /// <summary>Visits the sh_info entries of a version section through their next links, checking each entry's version is 1.</summary>
    private static List<T> Walk<T>(ElfImage elf, Chain chain, Action<ElfSection, ElfSection, long, List<T>> read)
    {
        ArgumentNullException.ThrowIfNull(elf);
        var items = new List<T>();
        if (elf.SingleSection(chain.Type) is not { } section)
        {
            return items;
        }
        var strtab = elf.SectionAt(section.Link, $"sh_link of {chain.Section}");
        long at = section.Offset;
        for (uint i = 0; i < section.Info; i++)
        {
            CheckVersion(elf, section, at, chain.Entry, i);
            read(section, strtab, at, items);
            at = Next(elf, section, at, elf.U32(section, at + chain.NextField), i, section.Info, chain.NextName);
        }
        return items;
    }

    private static void ReadAux(ElfImage elf, ElfSection section, ElfSection strtab, string file, long at, ushort count, List<ElfVersionNeed> needs)
    {
        for (uint k = 0; k < count; k++)
        {
            uint hash = elf.U32(section, at);                            // vna_hash
            ushort flags = elf.U16(section, at + 4);                     // vna_flags
            string name = elf.ReadString(strtab, elf.U32(section, at + 8)); // vna_name
            if (hash != Hash(name))
            {
                throw elf.Error($"the Vernaux entry at 0x{at:x} names {name} but its vna_hash 0x{hash:x} is not that name's hash 0x{Hash(name):x}");
            }
            needs.Add(new ElfVersionNeed(file, name, flags, at + 4));
            at = Next(elf, section, at, elf.U32(section, at + 12), k, count, "vna_next");
        }
    }

    private static void CheckVersion(ElfImage elf, ElfSection section, long at, string entry, uint i)
    {
        ushort version = elf.U16(section, at);
        if (version != 1)
        {
            throw elf.Error($"{entry} entry {i} at 0x{at:x} has version {version}; expected 1");
        }
    }

    private static long Next(ElfImage elf, ElfSection section, long at, uint next, uint i, uint count, string field)
    {
        if (next == 0 && i + 1 < count)
        {
            throw elf.Error($"{field} of entry {i} at 0x{at:x} is 0 but section {section.Index} declares {count} entries");
        }
        return at + next;
    }

    /// <summary>How a version section chains its entries: its type and name, the entry's name, and where its next link is.</summary>
    private readonly record struct Chain(uint Type, string Section, string Entry, int NextField, string NextName);
}
