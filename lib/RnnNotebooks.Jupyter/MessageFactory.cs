using System.Globalization;
using System.Text.Json.Nodes;

namespace RnnNotebooks.Jupyter;

/// <summary>Makes the kernel's messages: a fresh header each (new msg_id, this kernel's session, UTC date, version 5.3).</summary>
/// <param name="session">The kernel's session id, the same in every message it sends.</param>
internal sealed class MessageFactory(string session)
{
    /// <summary>The username in the kernel's headers.</summary>
    public const string UserName = "kernel";

    /// <summary>The kernel's session id.</summary>
    public string Session { get; } = session;

    /// <summary>A reply to <paramref name="request"/> on the channel it came from (same routing identities).</summary>
    public JupyterMessage Reply(JupyterMessage request, string type, JsonObject content) =>
        new(request.Identities, Header(type), Copy(request.Header), [], content, []);

    /// <summary>An IOPub message about <paramref name="parent"/> (null for none), with topic <c>kernel.{session}.{type}</c>.</summary>
    public JupyterMessage Broadcast(JupyterMessage? parent, string type, JsonObject content) =>
        new([System.Text.Encoding.UTF8.GetBytes($"kernel.{Session}.{type}")], Header(type),
            parent is null ? [] : Copy(parent.Header), [], content, []);

    private JsonObject Header(string type) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString(),
        ["session"] = Session,
        ["username"] = UserName,
        ["date"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = type,
        ["version"] = JupyterMessage.ProtocolVersion,
    };

    private static JsonObject Copy(JsonObject header) => (JsonObject)header.DeepClone();
}
