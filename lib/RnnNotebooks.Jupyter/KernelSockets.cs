using NetMQ;
using NetMQ.Sockets;

namespace RnnNotebooks.Jupyter;

/// <summary>The kernel's five ZeroMQ sockets, bound to the connection file's address and ports.</summary>
internal sealed class KernelSockets : IDisposable
{
    /// <summary>Requests: execute, complete, inspect, is_complete, kernel_info, comm_info, history, shutdown.</summary>
    public RouterSocket Shell { get; } = new();

    /// <summary>Interrupt, shutdown and kernel_info, answered while a cell runs.</summary>
    public RouterSocket Control { get; } = new();

    /// <summary>Broadcasts: status, execute_input, outputs, errors.</summary>
    public PublisherSocket Iopub { get; } = new();

    /// <summary>Bound so clients can connect; the kernel never asks for input.</summary>
    public RouterSocket Stdin { get; } = new();

    /// <summary>Echoes heartbeat pings.</summary>
    public ResponseSocket Heartbeat { get; } = new();

    /// <summary>Binds every socket as <paramref name="connection"/> says.</summary>
    /// <exception cref="InvalidOperationException">A port cannot be bound (in use, or an address this machine does not have); the message names it.</exception>
    public static KernelSockets Bind(ConnectionInfo connection)
    {
        var sockets = new KernelSockets();
        try
        {
            Bind(sockets.Shell, connection, "shell_port", connection.ShellPort);
            Bind(sockets.Control, connection, "control_port", connection.ControlPort);
            Bind(sockets.Iopub, connection, "iopub_port", connection.IopubPort);
            Bind(sockets.Stdin, connection, "stdin_port", connection.StdinPort);
            Bind(sockets.Heartbeat, connection, "hb_port", connection.HeartbeatPort);
            return sockets;
        }
        catch
        {
            sockets.Dispose();
            throw;
        }
    }

    private static void Bind(NetMQSocket socket, ConnectionInfo connection, string name, int port)
    {
        socket.Options.Linger = TimeSpan.FromSeconds(1);
        try
        {
            socket.Bind(connection.Address(port));
        }
        catch (NetMQException e)
        {
            throw new InvalidOperationException($"cannot bind {name} {connection.Address(port)}: {e.Message}", e);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var socket in new NetMQSocket[] { Shell, Control, Iopub, Stdin, Heartbeat })
        {
            socket.Dispose();
        }
    }
}
