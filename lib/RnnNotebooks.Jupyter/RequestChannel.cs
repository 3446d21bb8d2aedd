using NetMQ;
using NetMQ.Sockets;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// A channel clients send requests on (shell, control): receives messages, checking each one's signature, and
/// sends replies back to the client that asked. A message that is not valid or not correctly signed is logged
/// and dropped, never handed on.
/// </summary>
internal sealed class RequestChannel(string name, RouterSocket socket, WireCodec codec, KernelLog log)
{
    private readonly Lock gate = new();

    /// <summary>The channel's name in the log: <c>shell</c> or <c>control</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The next valid message, or null when none arrives within <paramref name="timeout"/>.</summary>
    public JupyterMessage? Receive(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var frames = new List<byte[]>();
            bool received;
            lock (gate)
            {
                received = socket.TryReceiveMultipartBytes(Remaining(deadline), ref frames);
            }
            if (!received)
            {
                return null;
            }
            try
            {
                return codec.Decode(frames);
            }
            catch (InvalidMessageException e)
            {
                log.Write($"dropped a message on {Name}: {e.Message}");
            }
        }
    }

    /// <summary>Every valid message already waiting, without blocking.</summary>
    public List<JupyterMessage> ReceiveQueued()
    {
        var queued = new List<JupyterMessage>();
        while (Receive(TimeSpan.Zero) is { } message)
        {
            queued.Add(message);
        }
        return queued;
    }

    /// <summary>Sends <paramref name="message"/> (a reply: its identities route it to the client that asked).</summary>
    public void Send(JupyterMessage message)
    {
        var frames = codec.Encode(message);
        lock (gate)
        {
            socket.SendMultipartBytes(frames);
        }
    }

    private static TimeSpan Remaining(DateTime deadline)
    {
        var left = deadline - DateTime.UtcNow;
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }
}
