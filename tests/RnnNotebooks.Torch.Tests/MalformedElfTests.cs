using System.Buffers.Binary;
using RnnNotebooks.TorchPatch;
using RnnNotebooks.TorchPatch.Elf;

namespace RnnNotebooks.Torch.Tests;

public sealed class MalformedElfTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    public static TheoryData<string, string> Cases() => new()
    {
        { "text", "the magic number is" },
        { "short", "fewer than an ELF64 header" },
        { "elf32", "EI_CLASS is 1; expected 2" },
        { "big-endian", "EI_DATA is 2; expected 1" },
        { "truncated", "past the end of the file" },
        { "no-section-table", "e_shoff is 0" },
        { "bad-shentsize", "e_shentsize is 40; expected 64" },
        { "bad-hash", "is not that name's hash" },
        { "broken-chain", "lies outside section" },
        { "bad-vn-version", "has version 7; expected 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_malformed_file_gets_a_clear_error_and_is_left_untouched(string kind, string problem)
    {
        byte[] contents = Malformed(kind);
        string path = PristineLibrary.WriteTo(temp.Path, contents);

        var error = Assert.Throws<ElfFormatException>(() => ElfVersionPatcher.MarkWeak(path, LibTorchSharpPatcher.RequiredVersion));

        Assert.Contains(path, error.Message);
        Assert.Contains(problem, error.Message);
        Assert.Equal(contents, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFiles(temp.Path)); // no temporary file left behind
    }

    private static byte[] Malformed(string kind)
    {
        byte[] b = PristineLibrary.Bytes();
        var elf = ElfImage.Parse(PristineLibrary.Bytes(), "pristine");
        var verneed = elf.SingleSection(ElfImage.ShtGnuVerneed)!.Value;
        var need = ElfVersions.Needs(elf).Single(n => n.Name == LibTorchSharpPatcher.RequiredVersion);
        switch (kind)
        {
            case "text": return "# This is not a shared library but a text file long enough to hold an ELF header.\n"u8.ToArray();
            case "short": return b[..10];
            case "elf32": b[4] = 1; break;
            case "big-endian": b[5] = 2; break;
            case "truncated": return b[..(b.Length / 2)];
            case "no-section-table": BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(0x28), 0); break;
            case "bad-shentsize": BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(0x3A), 40); break;
            case "bad-hash": b[need.FlagsOffset - 4] ^= 0x55; break;                                                    // vna_hash
            case "broken-chain": BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan((int)verneed.Offset + 12), 0x10000); break; // vn_next
            case "bad-vn-version": BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan((int)verneed.Offset), 7); break;        // vn_version
            default: throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown malformation");
        }
        return b;
    }
}
