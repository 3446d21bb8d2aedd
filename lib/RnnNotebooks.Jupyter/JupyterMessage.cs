using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// One message of the Jupyter messaging protocol: the routing identities of the client that sent it, its
/// header, the header of the request it answers, metadata, content and binary buffers.
/// </summary>
/// <param name="Identities">ZeroMQ routing frames (shell, control, stdin); the IOPub topic for published messages.</param>
/// <param name="Header">msg_id, session, username, date, msg_type, version.</param>
/// <param name="ParentHeader">The header of the request this message answers; empty for none.</param>
/// <param name="Metadata">Free-form metadata.</param>
/// <param name="Content">The message's body, whose shape depends on its type.</param>
/// <param name="Buffers">Extra binary frames (unused by this kernel, kept as received).</param>
internal sealed record JupyterMessage(
    IReadOnlyList<byte[]> Identities,
    JsonObject Header,
    JsonObject ParentHeader,
    JsonObject Metadata,
    JsonObject Content,
    IReadOnlyList<byte[]> Buffers)
{
    /// <summary>The protocol version this kernel speaks.</summary>
    public const string ProtocolVersion = "5.3";

    /// <summary>The message type, e.g. <c>execute_request</c>.</summary>
    public string Type => Header["msg_type"]?.GetValue<string>() ?? "";

    /// <summary>The message id.</summary>
    public string Id => Header["msg_id"]?.GetValue<string>() ?? "";

    /// <summary>A string field of the content, or <paramref name="fallback"/> when absent or not a string.</summary>
    public string Text(string name, string fallback = "") =>
        Content[name] is JsonValue value && value.TryGetValue(out string? text) ? text : fallback;

    /// <summary>A boolean field of the content, or <paramref name="fallback"/> when absent or not a boolean.</summary>
    public bool Flag(string name, bool fallback) =>
        Content[name] is JsonValue value && value.TryGetValue(out bool flag) ? flag : fallback;

    /// <summary>An integer field of the content, or <paramref name="fallback"/> when absent or not an integer.</summary>
    public int Number(string name, int fallback) =>
        Content[name] is JsonValue value && value.TryGetValue(out int number) ? number : fallback;
}
