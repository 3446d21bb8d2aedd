using System.Buffers.Binary;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine;
using RnnNotebooks.Jupyter;

namespace RnnNotebooks.Jupyter.Tests;

/// <summary>The kernelspec and its logos, and the loop checks that make cells interruptible.</summary>
public sealed class KernelSpecTests
{
    [Fact]
    public void The_kernelspec_runs_this_build_with_the_connection_file_and_has_both_logos()
    {
        var folder = KernelSpec.WriteTo(TestNotebook.NewFolder(), ["/usr/bin/dotnet", "/repo/rnnbook.dll"]);

        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        Assert.Equal("rnnnotebooks-csharp", Path.GetFileName(folder));
        Assert.Equal(["/usr/bin/dotnet", "/repo/rnnbook.dll", "kernel", "run", "--connection-file", "{connection_file}"],
            json["argv"]!.AsArray().Select(arg => (string)arg!));
        Assert.Equal(("C# (RnnNotebooks)", "csharp", "message"), ((string)json["display_name"]!, (string)json["language"]!, (string)json["interrupt_mode"]!));
        foreach (var size in new[] { 32, 64 })
        {
            var png = File.ReadAllBytes(Path.Combine(folder, $"logo-{size}x{size}.png"));
            Assert.Equal([0x89, 0x50, 0x4E, 0x47], png[..4]);
            Assert.Equal((size, size), (BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)), BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20))));
        }
    }

    [Fact]
    public void The_logo_is_a_purple_square_with_a_white_loop_and_transparent_corners()
    {
        var pixels = Decode(KernelLogo.Png(64), 64);

        Assert.Equal(0, Pixel(pixels, 64, 0, 0)[3]);                       // a rounded, transparent corner
        Assert.Equal([255, 255, 255, 255], Pixel(pixels, 64, 32, 32));    // the white cell in the middle
        Assert.Equal([0x51, 0x2B, 0xD4, 255], Pixel(pixels, 64, 32, 4));   // purple between the loop and the edge
    }

    /// <summary>The RGBA rows of a PNG this kernel wrote (one IDAT chunk, filter 0 on every row).</summary>
    private static byte[] Decode(byte[] png, int size)
    {
        int at = 8;
        while (System.Text.Encoding.ASCII.GetString(png, at + 4, 4) != "IDAT")
        {
            at += 12 + BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
        }
        int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
        using var zlib = new System.IO.Compression.ZLibStream(new MemoryStream(png, at + 8, length), System.IO.Compression.CompressionMode.Decompress);
        var rows = new byte[size * (size * 4 + 1)];
        zlib.ReadExactly(rows);
        return rows;
    }

    private static byte[] Pixel(byte[] rows, int size, int x, int y) => rows.AsSpan(y * (size * 4 + 1) + 1 + x * 4, 4).ToArray();

    [Fact]
    public void Every_loop_body_gets_a_check_and_line_numbers_stay()
    {
        var code = "while (true) { }\nfor (int i = 0; i < 3; i++)\n    x++;\nforeach (var c in s) for (;;) ;\nvar done = 1;";

        var prepared = InterruptibleCode.Prepare(code);

        Assert.Equal(code.Split('\n').Length, prepared.Split('\n').Length);
        Assert.Equal(4, prepared.Split("CellInterrupt.Check();").Length - 1);
        Assert.EndsWith("var done = 1;", prepared);
        Assert.Equal("var x = 1;", InterruptibleCode.Prepare("var x = 1;"));
    }

    [Fact]
    public void A_requested_interrupt_makes_the_check_throw_until_reset()
    {
        try
        {
            CellInterrupt.Request();
            Assert.Throws<OperationCanceledException>(CellInterrupt.Check);
            CellInterrupt.Reset();
            CellInterrupt.Check();
        }
        finally
        {
            CellInterrupt.Reset();
        }
    }
}
