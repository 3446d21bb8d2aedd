using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;

namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// Writes 8-bit RGB or RGBA pixels as a PNG file: signature, IHDR, one IDAT of unfiltered rows (filter 0: smallest for
/// flat-coloured pictures such as charts and the kernel's logo) deflated at the smallest size, IEND.
/// </summary>
public static class PngWriter
{
    /// <summary>The eight bytes every PNG file starts with.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The PNG bytes of a <paramref name="width"/> × <paramref name="height"/> picture.</summary>
    /// <param name="width">Pixels a row.</param>
    /// <param name="height">Rows.</param>
    /// <param name="pixels">Row by row, <paramref name="channels"/> bytes a pixel.</param>
    /// <param name="channels">3 for RGB, 4 for RGBA.</param>
    /// <exception cref="ArgumentException">Not 3 or 4 channels, or not width × height × channels bytes.</exception>
    public static byte[] Encode(int width, int height, ReadOnlySpan<byte> pixels, int channels)
    {
        if (channels is not (3 or 4))
        {
            throw new ArgumentException($"a PNG is written here as RGB (3 channels) or RGBA (4), not {channels}.", nameof(channels));
        }
        if (width <= 0 || height <= 0 || pixels.Length != width * height * channels)
        {
            throw new ArgumentException($"{width}x{height} with {channels} channels needs {width * height * channels} bytes; got {pixels.Length}.", nameof(pixels));
        }
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;                              // bits per channel
        header[9] = (byte)(channels == 3 ? 2 : 6);  // colour type: RGB or RGBA
        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", header);
        WriteChunk(png, "IDAT", Deflate(width * channels, height, pixels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>The rows, each after a filter byte 0 (none), zlib-compressed at the smallest size.</summary>
    private static byte[] Deflate(int stride, int height, ReadOnlySpan<byte> pixels)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            for (int y = 0; y < height; y++)
            {
                zlib.WriteByte(0);
                zlib.Write(pixels.Slice(y * stride, stride));
            }
        }
        return compressed.ToArray();
    }

    /// <summary>One chunk: length, type, data, and the CRC-32 of type and data.</summary>
    private static void WriteChunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        png.Write(typeBytes);
        png.Write(data);
        var crc = new Crc32();
        crc.Append(typeBytes);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, crc.GetCurrentHashAsUInt32());
        png.Write(number);
    }
}
