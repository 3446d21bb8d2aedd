using System.Text;
using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The safetensors reader and writer: exact bytes, bit-identical round trips, and every corruption named.</summary>
public sealed class SafeTensorsTests : IDisposable
{
    private readonly TemporaryFolder temporary = new("safetensors");

    private string Folder => temporary.Path;

    public void Dispose() => temporary.Dispose();

    [Fact]
    public void A_hand_made_file_matches_byte_for_byte()
    {
        NamedTensor[] tensors = [new("a", [2], [1.0, -2.0]), new("b", [1, 1], [0.5])];
        var bytes = SafeTensors.Serialize(tensors, new Dictionary<string, string> { ["format"] = "pt" });

        const string header = """{"__metadata__":{"format":"pt"},"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"b":{"dtype":"F64","shape":[1,1],"data_offsets":[16,24]}}""";
        Assert.Equal(143, header.Length);
        byte[] expected =
        [
            144, 0, 0, 0, 0, 0, 0, 0,                               // N = 144: the 143-byte header and one space, to a multiple of 8
            .. Encoding.UTF8.GetBytes(header), (byte)' ',
            0, 0, 0, 0, 0, 0, 0xF0, 0x3F,                           // 1.0, little-endian
            0, 0, 0, 0, 0, 0, 0, 0xC0,                              // -2.0
            0, 0, 0, 0, 0, 0, 0xE0, 0x3F,                           // 0.5
        ];
        Assert.Equal(expected, bytes);
        var file = SafeTensors.Parse(expected, "hand-made.safetensors");
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal([1.0, -2.0], file.Get("a").Values);
        Assert.Equal([1, 1], file.Get("b").Shape);
    }

    [Fact]
    public void Several_tensors_round_trip_bit_for_bit_through_a_file()
    {
        double[] special = [0.0, -0.0, double.Epsilon, double.MaxValue, double.NegativeInfinity, double.NaN, Math.PI, 1e-310];
        NamedTensor[] tensors =
        [
            new("encoder.Waa", [2, 4], special),
            new("encoder.Ba", [3], [1.5, -2.25, 3.125]),
            new("scalar", [], [42.0]),
            new("empty", [0, 5], []),
            new("decoder.Wya", [3, 2], [.. Enumerable.Range(0, 6).Select(i => Math.Sin(i) / 7)]),
        ];
        string path = Path.Combine(Folder, "nested", "model.safetensors");

        SafeTensors.Write(path, tensors, new Dictionary<string, string> { ["task"] = "ner", ["nA"] = "64" });
        SafeTensors.Write(path, tensors, new Dictionary<string, string> { ["task"] = "ner", ["nA"] = "64" }); // overwrites
        var file = SafeTensors.Read(path);

        Assert.Equal(tensors.Select(t => t.Name), file.Tensors.Select(t => t.Name));
        foreach (var tensor in tensors)
        {
            var read = file.Get(tensor.Name);
            Assert.Equal(tensor.Shape, read.Shape);
            Assert.Equal(tensor.Values.Select(BitConverter.DoubleToInt64Bits), read.Values.Select(BitConverter.DoubleToInt64Bits));
        }
        Assert.Equal("ner", file.Metadata["task"]);
        Assert.Equal(["model.safetensors"], Directory.GetFiles(Path.Combine(Folder, "nested")).Select(Path.GetFileName)); // no temporary file left
    }

    [Theory]
    [InlineData("""{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,16]}}""", 16, "tensor 'a' has dtype F32")]
    [InlineData("""{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,24]}}""", 16, "tensor 'a' has data_offsets [0, 24], outside the data part [0, 16]")]
    [InlineData("""{"a":{"dtype":"F64","shape":[2],"data_offsets":[8,0]}}""", 16, "tensor 'a' has data_offsets [8, 0], outside")]
    [InlineData("""{"a":{"dtype":"F64","shape":[3],"data_offsets":[0,16]}}""", 16, "tensor 'a' has data_offsets [0, 16] (16 bytes); shape [3] of F64 needs 24")]
    [InlineData("""{"a":{"dtype":"F64","shape":[2],"data_offsets":[0,16]},"b":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}""", 16, "tensor 'b' [8, 16] overlaps tensor 'a' [0, 16]")]
    [InlineData("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}""", 16, "tensor 'a' starts at byte 8 of the data; the tensor before it ends at 0, leaving a gap")]
    [InlineData("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}""", 16, "the tensors end at byte 8 of the data, but it has 16 bytes")]
    [InlineData("""{"a":{"dtype":"F64","shape":[-1],"data_offsets":[0,8]}}""", 8, "tensor 'a' has no \"shape\" array of non-negative integers")]
    [InlineData("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[0]}}""", 8, "tensor 'a' has data_offsets [0]; expected [begin, end]")]
    [InlineData("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]},"a":{"dtype":"F64","shape":[1],"data_offsets":[8,16]}}""", 16, "tensor 'a' appears twice")]
    [InlineData("""{"__metadata__":{"n":3}}""", 0, "'__metadata__' must map names to strings")]
    [InlineData("""{"a": [1, 2""", 0, "the header is not valid JSON")]
    [InlineData("""[1, 2]""", 0, "the header is JSON Array; expected an object")]
    public void A_corrupt_header_names_the_file_and_the_tensor(string header, int dataBytes, string expected)
    {
        var e = Assert.Throws<InvalidDataException>(() => ReadWritten(FileBytes(header, dataBytes)));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(Path.Combine(Folder, "corrupt.safetensors") + ":", e.Message);
    }

    [Fact]
    public void A_header_length_past_the_end_or_a_file_too_short_is_refused()
    {
        var bytes = FileBytes("""{"a":{"dtype":"F64","shape":[1],"data_offsets":[0,8]}}""", 8);
        bytes[0] = 200;
        var e = Assert.Throws<InvalidDataException>(() => ReadWritten(bytes));
        Assert.Contains($"the header length is 200 bytes, past the end of the file ({bytes.Length} bytes", e.Message);
        bytes[7] = 0x80;                                   // a length near 2^63: must not overflow into a pass
        Assert.Contains("past the end of the file", Assert.Throws<InvalidDataException>(() => ReadWritten(bytes)).Message);
        Assert.Contains("5 bytes is too short", Assert.Throws<InvalidDataException>(() => ReadWritten([1, 2, 3, 4, 5])).Message);
    }

    [Fact]
    public void Tensors_with_a_repeated_name_or_a_shape_that_misfits_their_values_are_not_written()
    {
        Assert.Contains("shape [2] but 1 values", Assert.Throws<ArgumentException>(() => SafeTensors.Serialize([new("a", [2], [1.0])])).Message);
        Assert.Contains("'a' is empty, reserved or repeated", Assert.Throws<ArgumentException>(() => SafeTensors.Serialize([new("a", [1], [1.0]), new("a", [1], [1.0])])).Message);
    }

    private void ReadWritten(byte[] bytes)
    {
        Directory.CreateDirectory(Folder);
        string path = Path.Combine(Folder, "corrupt.safetensors");
        File.WriteAllBytes(path, bytes);
        SafeTensors.Read(path);
    }

    /// <summary>8-byte length, the header as given, then <paramref name="dataBytes"/> bytes of data.</summary>
    private static byte[] FileBytes(string header, int dataBytes)
    {
        var json = Encoding.UTF8.GetBytes(header);
        return [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[dataBytes]];
    }
}
