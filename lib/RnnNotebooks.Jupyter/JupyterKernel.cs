using System.Runtime.InteropServices;
using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using NetMQ;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// The RnnNotebooks Jupyter kernel: the engine's C# kernel (<see cref="NotebookKernel"/>, the same one
/// <c>rnnbook run</c> uses) served over the Jupyter messaging protocol 5.3 on ZeroMQ. Shell, control and
/// heartbeat each run on a thread of their own, so an interrupt or a ping is answered while a cell runs.
/// The kernel stops on <c>shutdown_request</c>, on SIGTERM, or when the process that started it dies.
/// </summary>
public sealed class JupyterKernel : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    private readonly ConnectionInfo _connection;
    private readonly KernelSockets _sockets;
    private readonly KernelLog _log;
    private readonly IopubPublisher _iopub;
    private readonly RequestChannel _shell, _control;
    private readonly CompositeKernel _kernel;
    private readonly ExecuteHandler _execute;
    private readonly LanguageServices _languageServices;
    private readonly CancellationTokenSource _stop = new();
    private List<JupyterMessage> _queuedAtError = [];

    private JupyterKernel(ConnectionInfo connection, KernelSockets sockets, CompositeKernel kernel, KernelLog log)
    {
        _connection = connection;
        _sockets = sockets;
        _kernel = kernel;
        _log = log;
        var codec = new WireCodec(new MessageSigner(connection.Key));
        _iopub = new IopubPublisher(sockets.Iopub, codec, Messages);
        _shell = new RequestChannel("shell", sockets.Shell, codec, log);
        _control = new RequestChannel("control", sockets.Control, codec, log);
        _execute = new ExecuteHandler(kernel, _iopub, new MimeBundle(new PlotlyOffline()), log);
        _languageServices = new LanguageServices(kernel);
    }

    /// <summary>Makes the kernel's messages (its session id is fixed for the process).</summary>
    private MessageFactory Messages { get; } = new(Guid.NewGuid().ToString());

    /// <summary>Binds the sockets of <paramref name="connection"/> and builds the C# kernel; <see cref="RunAsync"/> then serves.</summary>
    /// <exception cref="InvalidOperationException">A socket cannot be bound, or the C# kernel cannot start.</exception>
    public static async Task<JupyterKernel> StartAsync(ConnectionInfo connection, KernelLog log)
    {
        var sockets = KernelSockets.Bind(connection);
        try
        {
            log.Write($"listening on {connection.Ip} (shell {connection.ShellPort}, control {connection.ControlPort}, iopub {connection.IopubPort}, " +
                $"stdin {connection.StdinPort}, heartbeat {connection.HeartbeatPort}); messages {(connection.Key.Length > 0 ? "signed" : "NOT signed (empty key)")}");
            var kernel = await NotebookKernel.CreateAsync();
            return new JupyterKernel(connection, sockets, kernel, log);
        }
        catch
        {
            sockets.Dispose();
            throw;
        }
    }

    /// <summary>Serves until a shutdown request, SIGTERM, or the death of the parent process.</summary>
    public async Task RunAsync()
    {
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
        {
            signal.Cancel = true; // Ctrl-C in Jupyter's terminal interrupts the cell, as in other kernels
            _execute.Interrupt();
        });
        _iopub.Status(null, "starting");
        var threads = new[]
        {
            StartThread("heartbeat", () => new Heartbeat(_sockets.Heartbeat).Run(_stop.Token)),
            StartThread("control", () => Serve(_control, HandleControlAsync)),
            StartThread("shell", () => Serve(_shell, HandleShellAsync)),
        };
        _iopub.Status(null, "idle");
        var parentExit = ParentProcessWatcher.WhenParentExitsAsync(_stop.Token);
        var stopped = Task.Delay(Timeout.Infinite, _stop.Token);
        if (await Task.WhenAny(parentExit, stopped) == parentExit && !_stop.IsCancellationRequested)
        {
            _log.Write("the process that started the kernel has exited: shutting down");
        }
        await _stop.CancelAsync();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Asks the kernel to stop serving (what shutdown_request does).</summary>
    public void Stop() => _stop.Cancel();

    private static Thread StartThread(string name, Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = $"jupyter-{name}" };
        thread.Start();
        return thread;
    }

    private void Serve(RequestChannel channel, Func<RequestChannel, JupyterMessage, Task> handle)
    {
        while (!_stop.IsCancellationRequested)
        {
            if (channel.Receive(Poll) is { } message)
            {
                Handle(channel, message, handle);
                AbortQueued(channel, handle);
            }
        }
    }

    /// <summary>One request between busy and idle. A failing handler is logged, never fatal to the kernel.</summary>
    private void Handle(RequestChannel channel, JupyterMessage message, Func<RequestChannel, JupyterMessage, Task> handle)
    {
        _iopub.Status(message, "busy");
        try
        {
            handle(channel, message).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _log.Write($"{message.Type} on {channel.Name} failed: {e}");
        }
        finally
        {
            _iopub.Status(message, "idle");
        }
    }

    /// <summary>
    /// After a failing cell, answers the execute requests that were queued when it failed with <c>aborted</c>, as
    /// ipykernel does ("Run All" stops there); other queued requests are handled as usual.
    /// </summary>
    private void AbortQueued(RequestChannel channel, Func<RequestChannel, JupyterMessage, Task> handle)
    {
        var queued = _queuedAtError;
        _queuedAtError = [];
        foreach (var request in queued)
        {
            if (request.Type != "execute_request")
            {
                Handle(channel, request, handle);
                continue;
            }
            _iopub.Status(request, "busy");
            channel.Send(Messages.Reply(request, "execute_reply", new JsonObject { ["status"] = "aborted" }));
            _iopub.Status(request, "idle");
        }
    }

    private async Task HandleShellAsync(RequestChannel channel, JupyterMessage request)
    {
        switch (request.Type)
        {
            case "execute_request":
                var reply = await _execute.ExecuteAsync(request);
                if (reply["status"]!.GetValue<string>() == "error" && request.Flag("stop_on_error", true))
                {
                    _queuedAtError = channel.ReceiveQueued(); // before the reply: only what was sent before the error is aborted
                }
                channel.Send(Messages.Reply(request, "execute_reply", reply));
                break;
            case "complete_request":
                channel.Send(Messages.Reply(request, "complete_reply", await _languageServices.CompleteAsync(request)));
                break;
            case "inspect_request":
                channel.Send(Messages.Reply(request, "inspect_reply", await _languageServices.InspectAsync(request)));
                break;
            case "is_complete_request":
                var (status, indent) = CodeCompleteness.Of(request.Text("code"));
                channel.Send(Messages.Reply(request, "is_complete_reply", new JsonObject { ["status"] = status, ["indent"] = indent }));
                break;
            case "history_request":
                channel.Send(Messages.Reply(request, "history_reply", new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() }));
                break;
            case "comm_info_request":
                channel.Send(Messages.Reply(request, "comm_info_reply", new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() }));
                break;
            case "comm_open":
                // No comm targets (widgets) here: close it, as ipykernel does for a target it does not know.
                _iopub.Publish(request, "comm_close", new JsonObject { ["comm_id"] = request.Text("comm_id"), ["data"] = new JsonObject() });
                break;
            case "comm_msg" or "comm_close":
                break;
            default:
                HandleCommon(channel, request);
                break;
        }
    }

    private Task HandleControlAsync(RequestChannel channel, JupyterMessage request)
    {
        if (request.Type == "interrupt_request")
        {
            _log.Write("interrupt requested");
            _execute.Interrupt();
            channel.Send(Messages.Reply(request, "interrupt_reply", new JsonObject { ["status"] = "ok" }));
            return Task.CompletedTask;
        }
        HandleCommon(channel, request);
        return Task.CompletedTask;
    }

    /// <summary>What shell and control both answer: kernel_info, connect, shutdown; anything else is logged and ignored.</summary>
    private void HandleCommon(RequestChannel channel, JupyterMessage request)
    {
        switch (request.Type)
        {
            case "kernel_info_request":
                channel.Send(Messages.Reply(request, "kernel_info_reply", KernelInfo.Content()));
                break;
            case "connect_request":
                channel.Send(Messages.Reply(request, "connect_reply", new JsonObject
                {
                    ["shell_port"] = _connection.ShellPort, ["iopub_port"] = _connection.IopubPort, ["stdin_port"] = _connection.StdinPort,
                    ["control_port"] = _connection.ControlPort, ["hb_port"] = _connection.HeartbeatPort,
                }));
                break;
            case "shutdown_request":
                bool restart = request.Flag("restart", false);
                _log.Write($"shutdown requested (restart: {restart})");
                channel.Send(Messages.Reply(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }));
                _iopub.Publish(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                Stop();
                break;
            default:
                _log.Write($"ignored a {request.Type} on {channel.Name}: this kernel does not handle it");
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _stop.Cancel();
        _kernel.Dispose();
        _sockets.Dispose();
        _stop.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}
