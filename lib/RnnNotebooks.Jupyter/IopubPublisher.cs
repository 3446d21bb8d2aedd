using System.Text.Json.Nodes;
using NetMQ;
using NetMQ.Sockets;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Broadcasts on IOPub, the channel every client listens to: status (busy, idle), the code being run, and a
/// cell's outputs. Safe to call from any thread (cell output arrives on the C# kernel's threads).
/// </summary>
internal sealed class IopubPublisher(PublisherSocket socket, WireCodec codec, MessageFactory messages)
{
    private readonly Lock gate = new();

    /// <summary>Publishes a message of <paramref name="type"/> about <paramref name="parent"/> (null: about no request).</summary>
    public void Publish(JupyterMessage? parent, string type, JsonObject content)
    {
        var frames = codec.Encode(messages.Broadcast(parent, type, content));
        lock (gate)
        {
            socket.SendMultipartBytes(frames);
        }
    }

    /// <summary>Publishes the kernel's state (<c>starting</c>, <c>busy</c>, <c>idle</c>) while handling <paramref name="parent"/>.</summary>
    public void Status(JupyterMessage? parent, string state) =>
        Publish(parent, "status", new JsonObject { ["execution_state"] = state });
}
