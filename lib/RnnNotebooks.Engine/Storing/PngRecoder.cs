using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace RnnNotebooks.Engine.Storing;

/// <summary>
/// Makes a browser's PNG of a chart smaller, losslessly, before it is stored twice in a notebook (as <c>image/png</c> and
/// inside the HTML): Chromium writes 8-bit RGBA with fast compression, but a chart is opaque, so its alpha channel goes,
/// and the pixels are deflated again at the smallest size (<see cref="PngWriter"/>). The same pixels, about 40% fewer bytes.
/// </summary>
/// <remarks>
/// Only what <see cref="ChartImages"/> gets from Chromium is recoded: 8-bit RGBA, not interlaced. Anything else (or a
/// picture with a transparent pixel) is returned unchanged. Chunks other than IHDR, IDAT and IEND are dropped: a chart's
/// picture carries no colour profile or text that a viewer needs.
/// </remarks>
public static class PngRecoder
{
    /// <summary>The PNG recoded as 8-bit RGB at the smallest deflate size, or <paramref name="png"/> itself when it cannot be.</summary>
    /// <param name="png">A PNG file's bytes.</param>
    /// <exception cref="InvalidDataException">Not a PNG, or a damaged one (the message says what is wrong).</exception>
    public static byte[] Recode(byte[] png)
    {
        var (width, height, header, pixels) = Decode(png);
        if (header.BitDepth != 8 || header.ColorType != 6 || header.Interlace != 0)
        {
            return png;
        }
        var rgba = Unfilter(pixels, width, height, bytesPerPixel: 4);
        return Opaque(rgba) ? PngWriter.Encode(width, height, ToRgb(rgba), channels: 3) : png;
    }

    /// <summary>The pixels of an 8-bit RGB (3 channels) or RGBA (4) PNG, rows top to bottom, for tests and checks.</summary>
    internal static (int Width, int Height, int Channels, byte[] Pixels) Pixels(byte[] png)
    {
        var (width, height, header, filtered) = Decode(png);
        int channels = header.ColorType switch
        {
            2 => 3,
            6 => 4,
            _ => throw new InvalidDataException($"only 8-bit RGB or RGBA are read here, not colour type {header.ColorType}."),
        };
        return (width, height, channels, Unfilter(filtered, width, height, channels));
    }

    private readonly record struct Header(byte BitDepth, byte ColorType, byte Interlace);

    private static (int Width, int Height, Header Header, byte[] Filtered) Decode(byte[] png)
    {
        if (png.Length < PngWriter.Signature.Length || !png.AsSpan(0, PngWriter.Signature.Length).SequenceEqual(PngWriter.Signature))
        {
            throw new InvalidDataException("not a PNG: the file does not start with the PNG signature.");
        }
        int width = 0, height = 0;
        Header? header = null;
        using var idat = new MemoryStream();
        bool ended = false;
        for (int at = PngWriter.Signature.Length; !ended;)
        {
            if (at + 8 > png.Length)
            {
                throw new InvalidDataException($"a damaged PNG: cut off at byte {png.Length}, before its IEND chunk.");
            }
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            if (length < 0 || at + 12 + length > png.Length)
            {
                throw new InvalidDataException($"a damaged PNG: the chunk at byte {at} runs past the end of the file.");
            }
            var type = Encoding.ASCII.GetString(png, at + 4, 4);
            var data = png.AsSpan(at + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                header = new Header(data[8], data[9], data[12]);
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            ended = type == "IEND";
            at += 12 + length;
        }
        if (header is null || width <= 0 || height <= 0)
        {
            throw new InvalidDataException("a damaged PNG: no IHDR chunk with a width and a height.");
        }
        idat.Position = 0;
        using var inflater = new ZLibStream(idat, CompressionMode.Decompress);
        using var filtered = new MemoryStream();
        inflater.CopyTo(filtered);
        return (width, height, header.Value, filtered.ToArray());
    }

    /// <summary>Undoes the PNG filters (none, sub, up, average, Paeth) row by row: the raw pixels.</summary>
    private static byte[] Unfilter(byte[] filtered, int width, int height, int bytesPerPixel)
    {
        int stride = width * bytesPerPixel;
        if (filtered.Length < (stride + 1) * height)
        {
            throw new InvalidDataException($"a damaged PNG: {filtered.Length} bytes of pixels for {width}x{height}.");
        }
        var pixels = new byte[stride * height];
        for (int y = 0; y < height; y++)
        {
            int filter = filtered[y * (stride + 1)];
            var line = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride);
            filtered.AsSpan(y * (stride + 1) + 1, stride).CopyTo(line);
            for (int x = 0; x < stride; x++)
            {
                int a = x >= bytesPerPixel ? line[x - bytesPerPixel] : 0, b = previous[x], c = x >= bytesPerPixel ? previous[x - bytesPerPixel] : 0;
                line[x] = (byte)(line[x] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) >> 1,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"a damaged PNG: row {y} has filter type {filter}."),
                });
            }
        }
        return pixels;
    }

    private static int Paeth(int a, int b, int c)
    {
        int pa = Math.Abs(b - c), pb = Math.Abs(a - c), pc = Math.Abs(a + b - 2 * c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }

    private static bool Opaque(byte[] rgba)
    {
        for (int i = 3; i < rgba.Length; i += 4)
        {
            if (rgba[i] != 255)
            {
                return false;
            }
        }
        return true;
    }

    private static byte[] ToRgb(byte[] rgba)
    {
        var rgb = new byte[rgba.Length / 4 * 3];
        for (int i = 0, j = 0; i < rgba.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return rgb;
    }
}
