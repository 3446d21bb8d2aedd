using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;

namespace RnnNotebooks.Jupyter;

/// <summary>Writes an RGBA image as a PNG file: signature, IHDR, one zlib-compressed IDAT, IEND.</summary>
internal static class PngImage
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG bytes of a <paramref name="width"/> × <paramref name="height"/> image; <paramref name="rgba"/> holds 4 bytes a pixel, row by row.</summary>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> rgba)
    {
        if (rgba.Length != width * height * 4)
        {
            throw new ArgumentException($"{width}x{height} RGBA needs {width * height * 4} bytes; got {rgba.Length}.", nameof(rgba));
        }
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;  // bits per channel
        header[9] = 6;  // colour type: RGBA
        Chunk(png, "IHDR", header);
        Chunk(png, "IDAT", Compress(width, height, rgba));
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The rows, each after a filter byte 0 (none), zlib-compressed.</summary>
    private static byte[] Compress(int width, int height, ReadOnlySpan<byte> rgba)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(rgba.Slice(y * width * 4, width * 4));
            }
        }
        return output.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = System.Text.Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        png.Write(number);
    }
}
