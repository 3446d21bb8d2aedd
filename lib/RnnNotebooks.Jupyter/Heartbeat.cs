using NetMQ;
using NetMQ.Sockets;

namespace RnnNotebooks.Jupyter;

/// <summary>The heartbeat channel: echoes every ping back at once, on a thread of its own, even while a cell runs.</summary>
internal sealed class Heartbeat(ResponseSocket socket)
{
    /// <summary>Echoes pings until <paramref name="stop"/> is cancelled.</summary>
    public void Run(CancellationToken stop)
    {
        var poll = TimeSpan.FromMilliseconds(200);
        var ping = new List<byte[]>();
        while (!stop.IsCancellationRequested)
        {
            if (socket.TryReceiveMultipartBytes(poll, ref ping))
            {
                socket.SendMultipartBytes(ping);
            }
        }
    }
}
