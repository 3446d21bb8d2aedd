using System.Buffers.Binary;
using System.Text;
using System.Text.Json;
using RnnNotebooks.Shared;

namespace RnnNotebooks;

/// <summary>
/// The safetensors weight format (PyTorch, Hugging Face), float64 only:
/// <code>
/// 8 bytes     N, the header's length, unsigned little-endian
/// N bytes     UTF-8 JSON: {"__metadata__": {"key": "value", ...},
///                          "name": {"dtype": "F64", "shape": [d1, d2], "data_offsets": [begin, end]}, ...}
///             padded with spaces to a multiple of 8 bytes
/// the rest    the data: each tensor's values, row-major, little-endian, at [begin, end) of this part
/// </code>
/// Written by hand with System.Text.Json (part of .NET): the core depends on nothing but System.Numerics.Tensors,
/// so it takes no safetensors package.
/// </summary>
public static class SafeTensors
{
    private const string MetadataKey = "__metadata__";

    /// <summary>
    /// Writes the tensors, in this order, to <paramref name="path"/>, atomically: into a temporary file in the same
    /// folder, then moved over the target, so a reader never sees half a file.
    /// </summary>
    /// <param name="path">The file; its folder is made when missing.</param>
    /// <param name="tensors">The tensors, with distinct names.</param>
    /// <param name="metadata">Optional strings stored under "__metadata__".</param>
    /// <exception cref="ArgumentException">A name is empty, repeated or "__metadata__", or a shape does not fit its values.</exception>
    public static void Write(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = Serialize(tensors, metadata);
        AtomicFile.Replace(path, bytes);
    }

    /// <summary>The bytes <see cref="Write"/> writes: 8-byte header length, JSON header padded to 8 bytes, data.</summary>
    /// <param name="tensors">The tensors, with distinct names.</param>
    /// <param name="metadata">Optional strings stored under "__metadata__".</param>
    public static byte[] Serialize(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        CheckTensors(tensors);
        var header = Header(tensors, metadata);
        int padded = (header.Length + 7) / 8 * 8;                      // the data starts 8-byte aligned
        long dataBytes = tensors.Sum(t => 8L * t.Values.Length);
        var bytes = new byte[8 + padded + dataBytes];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)padded); // N
        header.CopyTo(bytes, 8);
        bytes.AsSpan(8 + header.Length, padded - header.Length).Fill((byte)' ');
        int offset = 8 + padded;
        foreach (var tensor in tensors)
        {
            foreach (double v in tensor.Values)
            {
                BinaryPrimitives.WriteDoubleLittleEndian(bytes.AsSpan(offset, 8), v);
                offset += 8;
            }
        }
        return bytes;
    }

    /// <summary>Reads a safetensors file of F64 tensors, checking its structure first.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The tensors in the order of their data, and the metadata.</returns>
    /// <exception cref="InvalidDataException">
    /// The header length runs past the end of the file, the header is not JSON of the expected form, a dtype is not F64,
    /// a tensor's offsets fall outside the data or do not hold shape x 8 bytes, or two tensors' bytes overlap or leave a
    /// gap. The message names the file and the tensor.
    /// </exception>
    public static SafeTensorsFile Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(File.ReadAllBytes(path), path);
    }

    /// <summary>Parses the bytes of a safetensors file; <paramref name="path"/> is used in messages.</summary>
    public static SafeTensorsFile Parse(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.Length < 8)
        {
            throw new InvalidDataException($"{path}: {bytes.Length} bytes is too short for a safetensors file, which starts with an 8-byte header length.");
        }
        ulong n = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (n > (ulong)(bytes.Length - 8))
        {
            throw new InvalidDataException($"{path}: the header length is {n} bytes, past the end of the file ({bytes.Length} bytes: at most {bytes.Length - 8} after the 8-byte length).");
        }
        var data = bytes[(8 + (int)n)..];
        var (entries, metadata) = ParseHeader(bytes.Slice(8, (int)n), path);
        CheckLayout(entries, data.Length, path);
        var tensors = new List<NamedTensor>(entries.Count);
        foreach (var e in entries.OrderBy(e => e.Begin))
        {
            tensors.Add(new NamedTensor(e.Name, e.Shape, Values(data, e)));
        }
        return new SafeTensorsFile(path, tensors, metadata);
    }

    private static byte[] Header(IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string>? metadata)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            if (metadata is { Count: > 0 })
            {
                json.WriteStartObject(MetadataKey);
                foreach (var (key, value) in metadata)
                {
                    json.WriteString(key, value);
                }
                json.WriteEndObject();
            }
            long offset = 0;
            foreach (var tensor in tensors)
            {
                json.WriteStartObject(tensor.Name);
                json.WriteString("dtype", "F64");
                WriteNumbers(json, "shape", tensor.Shape.Select(d => (long)d));
                WriteNumbers(json, "data_offsets", [offset, offset + 8L * tensor.Values.Length]); // [begin, end) in the data
                json.WriteEndObject();
                offset += 8L * tensor.Values.Length;
            }
            json.WriteEndObject();
        }
        return buffer.ToArray();
    }

    private static void WriteNumbers(Utf8JsonWriter json, string name, IEnumerable<long> numbers)
    {
        json.WriteStartArray(name);
        foreach (long number in numbers)
        {
            json.WriteNumberValue(number);
        }
        json.WriteEndArray();
    }

    private static void CheckTensors(IReadOnlyList<NamedTensor> tensors)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tensor in tensors)
        {
            ArgumentNullException.ThrowIfNull(tensor);
            if (string.IsNullOrEmpty(tensor.Name) || tensor.Name == MetadataKey || !names.Add(tensor.Name))
            {
                throw new ArgumentException($"tensor name '{tensor.Name}' is empty, reserved or repeated; names must be distinct and not '{MetadataKey}'.", nameof(tensors));
            }
            if (tensor.Shape.Any(d => d < 0) || NamedTensor.Count(tensor.Shape.Select(d => (long)d).ToArray()) != tensor.Values.Length)
            {
                throw new ArgumentException($"tensor '{tensor.Name}' has shape {NamedTensor.Format(tensor.Shape)} but {tensor.Values.Length} values.", nameof(tensors));
            }
        }
    }

    /// <summary>A tensor as the header describes it: where its bytes are in the data part.</summary>
    private sealed record Entry(string Name, int[] Shape, long Begin, long End);

    private static (List<Entry> Entries, Dictionary<string, string> Metadata) ParseHeader(ReadOnlySpan<byte> header, string path)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(header.ToArray());
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the header is not valid JSON ({e.Message}).", e);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"{path}: the header is JSON {document.RootElement.ValueKind}; expected an object mapping tensor names to their dtype, shape and offsets.");
            }
            var entries = new List<Entry>();
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Name == MetadataKey)
                {
                    ReadMetadata(property.Value, path, metadata);
                }
                else if (entries.Any(e => e.Name == property.Name))
                {
                    throw new InvalidDataException($"{path}: tensor '{property.Name}' appears twice in the header.");
                }
                else
                {
                    entries.Add(ReadEntry(property.Name, property.Value, path));
                }
            }
            return (entries, metadata);
        }
    }

    private static void ReadMetadata(JsonElement value, string path, Dictionary<string, string> metadata)
    {
        if (value.ValueKind != JsonValueKind.Object || value.EnumerateObject().Any(p => p.Value.ValueKind != JsonValueKind.String))
        {
            throw new InvalidDataException($"{path}: '{MetadataKey}' must map names to strings.");
        }
        foreach (var p in value.EnumerateObject())
        {
            metadata[p.Name] = p.Value.GetString()!;
        }
    }

    private static Entry ReadEntry(string name, JsonElement value, string path)
    {
        InvalidDataException Bad(string detail) => new($"{path}: tensor '{name}' {detail}");
        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Bad($"is JSON {value.ValueKind}; expected {{\"dtype\", \"shape\", \"data_offsets\"}}.");
        }
        string dtype = value.TryGetProperty("dtype", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : "(none)";
        if (dtype != "F64")
        {
            throw Bad($"has dtype {dtype}; this library reads F64 (float64) only.");
        }
        long[] shape = Numbers(value, "shape", Bad);
        long[] offsets = Numbers(value, "data_offsets", Bad);
        if (offsets.Length != 2)
        {
            throw Bad($"has data_offsets {NamedTensor.Format(offsets)}; expected [begin, end].");
        }
        long count = NamedTensor.Count(shape);
        if (count < 0 || count > Array.MaxLength || shape.Any(s => s > int.MaxValue))
        {
            throw Bad($"has shape {NamedTensor.Format(shape)}, too large to load.");
        }
        return new Entry(name, shape.Select(s => (int)s).ToArray(), offsets[0], offsets[1]);
    }

    private static long[] Numbers(JsonElement value, string key, Func<string, InvalidDataException> bad)
    {
        if (!value.TryGetProperty(key, out var array) || array.ValueKind != JsonValueKind.Array
            || array.EnumerateArray().Any(e => !e.TryGetInt64(out long n) || n < 0))
        {
            throw bad($"has no \"{key}\" array of non-negative integers.");
        }
        return array.EnumerateArray().Select(e => e.GetInt64()).ToArray();
    }

    /// <summary>
    /// Every tensor's [begin, end) must lie inside the data and hold shape x 8 bytes, and together they must tile the
    /// data: no two overlap and none leaves a gap (as the reference implementation requires).
    /// </summary>
    private static void CheckLayout(List<Entry> entries, int dataLength, string path)
    {
        foreach (var e in entries)
        {
            if (e.Begin > e.End || e.End > dataLength)
            {
                throw new InvalidDataException($"{path}: tensor '{e.Name}' has data_offsets [{e.Begin}, {e.End}], outside the data part [0, {dataLength}].");
            }
            long expected = 8 * NamedTensor.Count(e.Shape.Select(s => (long)s).ToArray());
            if (e.End - e.Begin != expected)
            {
                throw new InvalidDataException($"{path}: tensor '{e.Name}' has data_offsets [{e.Begin}, {e.End}] ({e.End - e.Begin} bytes); shape {NamedTensor.Format(e.Shape)} of F64 needs {expected}.");
            }
        }
        long end = 0;
        Entry? previous = null;
        foreach (var e in entries.OrderBy(e => e.Begin).ThenBy(e => e.End))
        {
            if (e.Begin < end)
            {
                throw new InvalidDataException($"{path}: tensor '{e.Name}' [{e.Begin}, {e.End}] overlaps tensor '{previous!.Name}' [{previous.Begin}, {previous.End}].");
            }
            if (e.Begin > end)
            {
                throw new InvalidDataException($"{path}: tensor '{e.Name}' starts at byte {e.Begin} of the data; the tensor before it ends at {end}, leaving a gap.");
            }
            (end, previous) = (e.End, e);
        }
        if (end != dataLength)
        {
            throw new InvalidDataException($"{path}: the tensors end at byte {end} of the data, but it has {dataLength} bytes (tensor '{previous?.Name}' is the last).");
        }
    }

    private static double[] Values(ReadOnlySpan<byte> data, Entry e)
    {
        var values = new double[(e.End - e.Begin) / 8];
        var bytes = data[(int)e.Begin..(int)e.End];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadDoubleLittleEndian(bytes.Slice(8 * i, 8));
        }
        return values;
    }
}
