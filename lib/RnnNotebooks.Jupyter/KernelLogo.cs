namespace RnnNotebooks.Jupyter;

/// <summary>
/// The kernel's logo, drawn in code (no image files in the repository): a .NET-purple rounded square with a
/// white recurrent loop — a ring with an arrowhead around a cell — as in the unrolled-RNN figures.
/// </summary>
internal static class KernelLogo
{
    private const int Samples = 4; // per axis, for anti-aliased edges
    private static readonly byte[] Purple = [0x51, 0x2B, 0xD4], White = [0xFF, 0xFF, 0xFF];

    /// <summary>The logo as a <paramref name="size"/> × <paramref name="size"/> PNG.</summary>
    public static byte[] Png(int size)
    {
        var rgba = new byte[size * size * 4];
        for (int y = 0; y < size; y++)
        {
            for (int x = 0; x < size; x++)
            {
                Shade(rgba.AsSpan((y * size + x) * 4, 4), x, y, size);
            }
        }
        return Engine.Storing.PngWriter.Encode(size, size, rgba, channels: 4);
    }

    private static void Shade(Span<byte> pixel, int x, int y, int size)
    {
        int inside = 0, white = 0;
        for (int sy = 0; sy < Samples; sy++)
        {
            for (int sx = 0; sx < Samples; sx++)
            {
                double u = (x + (sx + 0.5) / Samples) / size, v = (y + (sy + 0.5) / Samples) / size;
                if (InRoundedSquare(u, v))
                {
                    inside++;
                    white += IsLoop(u - 0.5, v - 0.5) ? 1 : 0;
                }
            }
        }
        double coverage = inside / (double)(Samples * Samples), whiteness = inside == 0 ? 0 : white / (double)inside;
        for (int c = 0; c < 3; c++)
        {
            pixel[c] = (byte)Math.Round(Purple[c] + (White[c] - Purple[c]) * whiteness);
        }
        pixel[3] = (byte)Math.Round(255 * coverage);
    }

    private static bool InRoundedSquare(double u, double v)
    {
        const double radius = 0.2;
        double dx = Math.Max(Math.Abs(u - 0.5) - (0.5 - radius), 0), dy = Math.Max(Math.Abs(v - 0.5) - (0.5 - radius), 0);
        return dx * dx + dy * dy <= radius * radius;
    }

    /// <summary>The cell (a dot), the ring around it with a gap at the top right, and the arrowhead at the gap.</summary>
    private static bool IsLoop(double dx, double dy)
    {
        double r = Math.Sqrt(dx * dx + dy * dy), angle = Math.Atan2(-dy, dx) * 180 / Math.PI; // 0° = right, 90° = up
        bool dot = r <= 0.11;
        bool ring = r is >= 0.25 and <= 0.33 && angle is not (> 10 and < 70);
        bool arrow = IsArrowhead(dx, dy);
        return dot || ring || arrow;
    }

    /// <summary>A triangle at the ring's end (angle 70°), pointing clockwise along the ring.</summary>
    private static bool IsArrowhead(double dx, double dy)
    {
        double a = 70 * Math.PI / 180, cx = 0.29 * Math.Cos(a), cy = -0.29 * Math.Sin(a);
        double tx = Math.Sin(a), ty = Math.Cos(a); // clockwise tangent in image coordinates (y down)
        double along = (dx - cx) * tx + (dy - cy) * ty, across = (dx - cx) * -ty + (dy - cy) * tx;
        return along is >= -0.02 and <= 0.12 && Math.Abs(across) <= 0.09 * (0.12 - along) / 0.14;
    }
}
