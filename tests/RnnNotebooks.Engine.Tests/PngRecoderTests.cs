using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.Engine.Tests;

/// <summary>
/// <see cref="PngRecoder"/> on small PNGs written by Python's zlib with every PNG filter (none, sub, up, average, Paeth,
/// one per row): an opaque RGBA picture comes back RGB with the same pixels; one with a transparent pixel comes back as it was.
/// </summary>
public sealed class PngRecoderTests
{
    /// <summary>3x5, RGBA, all opaque; rows filtered none, sub, up, average, Paeth.</summary>
    private const string Opaque = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAAFCAYAAACAcVaiAAAAOElEQVR4nGNgYDjx301+wf8eu4r/jLyJ+4GcGwwgzMSb+J0BhpmlDgU1aB14waDl8IKBBSwqD8EAMW4XacgV0pYAAAAASUVORK5CYII=";

    /// <summary>Its pixels, RGB, row by row: (x*70 + y*13, x*31 + y*97, 200 - x*40 - y*9) mod 256.</summary>
    private static readonly byte[] Rgb = [0, 0, 200, 70, 31, 160, 140, 62, 120, 13, 97, 191, 83, 128, 151, 153, 159, 111, 26, 194, 182, 96, 225, 142,
        166, 0, 102, 39, 35, 173, 109, 66, 133, 179, 97, 93, 52, 132, 164, 122, 163, 124, 192, 194, 84];

    /// <summary>The same picture with alpha 128 in its first pixel.</summary>
    private const string Transparent = "iVBORw0KGgoAAAANSUhEUgAAAAMAAAAFCAYAAACAcVaiAAAATElEQVR4nAFBAL7/AAAAyIBGH6D/jD54/wANYb//U4CX/5mfb/8AGsK2/2Dhjv+mAGb/ACcjrf9tQoX/s2Fd/wA0hKT/eqN8/8DCVP8ckiKU9hFATgAAAABJRU5ErkJggg==";

    [Fact]
    public void An_opaque_rgba_picture_comes_back_rgb_with_the_same_pixels()
    {
        var source = Convert.FromBase64String(Opaque);
        Assert.Equal(Rgb.Length / 3 * 4, PngRecoder.Pixels(source).Pixels.Length); // the fixture decodes as written

        var recoded = PngRecoder.Recode(source);

        var (width, height, channels, pixels) = PngRecoder.Pixels(recoded);
        Assert.Equal((3, 5, 3), (width, height, channels));
        Assert.Equal(Rgb, pixels);
        Assert.Equal(recoded, PngRecoder.Recode(source)); // the same bytes every time
    }

    [Fact]
    public void A_picture_with_a_transparent_pixel_is_left_as_it_was()
    {
        var source = Convert.FromBase64String(Transparent);

        Assert.Same(source, PngRecoder.Recode(source));
    }

    [Fact]
    public void Not_a_png_and_a_truncated_png_are_refused_with_what_is_wrong()
    {
        Assert.Contains("PNG signature", Assert.Throws<InvalidDataException>(() => PngRecoder.Recode("GIF89a..."u8.ToArray())).Message);
        var truncated = Convert.FromBase64String(Opaque)[..40];
        Assert.Contains("cut off at byte 40", Assert.Throws<InvalidDataException>(() => PngRecoder.Recode(truncated)).Message);
    }
}
