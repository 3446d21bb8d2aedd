using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Turns messages into ZeroMQ frames and back, as the messaging spec's wire protocol lays them out:
/// <c>[identities...] &lt;IDS|MSG&gt; signature header parent_header metadata content [buffers...]</c>.
/// Decoding checks the signature: a message that fails is refused, never handed on.
/// </summary>
internal sealed class WireCodec(MessageSigner signer)
{
    /// <summary>The frame between the routing identities and the signature.</summary>
    public static readonly byte[] Delimiter = "<IDS|MSG>"u8.ToArray();

    /// <summary>JSON as compact as the spec allows: HTML and non-ASCII text are not escaped (every frame is UTF-8).</summary>
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The frames of <paramref name="message"/>, signed.</summary>
    public List<byte[]> Encode(JupyterMessage message)
    {
        byte[][] parts = [Json(message.Header), Json(message.ParentHeader), Json(message.Metadata), Json(message.Content)];
        var frames = new List<byte[]>(message.Identities.Count + 6 + message.Buffers.Count);
        frames.AddRange(message.Identities);
        frames.Add(Delimiter);
        frames.Add(Encoding.ASCII.GetBytes(signer.Sign(parts)));
        frames.AddRange(parts);
        frames.AddRange(message.Buffers);
        return frames;
    }

    /// <summary>The message in <paramref name="frames"/>.</summary>
    /// <exception cref="InvalidMessageException">No delimiter, too few frames, a wrong signature, or a part that is not a JSON object.</exception>
    public JupyterMessage Decode(IReadOnlyList<byte[]> frames)
    {
        int delimiter = IndexOfDelimiter(frames);
        if (delimiter < 0)
        {
            throw new InvalidMessageException("no <IDS|MSG> delimiter frame.");
        }
        if (frames.Count < delimiter + 6)
        {
            throw new InvalidMessageException($"{frames.Count - delimiter - 1} frames after the delimiter; expected at least 5 (signature, header, parent_header, metadata, content).");
        }
        var parts = frames.Skip(delimiter + 2).Take(4).ToArray();
        if (!signer.Verify(Encoding.ASCII.GetString(frames[delimiter + 1]), parts))
        {
            throw new InvalidMessageException("the signature does not match the connection file's key.");
        }
        var header = Object(parts[0], "header");
        if (header["msg_type"] is not JsonValue type || !type.TryGetValue(out string? _))
        {
            throw new InvalidMessageException("the header has no msg_type.");
        }
        return new JupyterMessage(frames.Take(delimiter).ToList(), header, Object(parts[1], "parent_header"),
            Object(parts[2], "metadata"), Object(parts[3], "content"), frames.Skip(delimiter + 6).ToList());
    }

    private static int IndexOfDelimiter(IReadOnlyList<byte[]> frames)
    {
        for (int i = 0; i < frames.Count; i++)
        {
            if (frames[i].AsSpan().SequenceEqual(Delimiter))
            {
                return i;
            }
        }
        return -1;
    }

    private static byte[] Json(JsonObject part) => Encoding.UTF8.GetBytes(part.ToJsonString(Compact));

    private static JsonObject Object(byte[] frame, string name)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidMessageException($"the {name} frame is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new InvalidMessageException($"the {name} frame is not valid JSON: {e.Message}");
        }
    }
}
