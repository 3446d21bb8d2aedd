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

    private readonly ConnectionInfo connection;
    private readonly KernelSockets sockets;
    private readonly KernelLog log;
    private readonly IopubPublisher iopub;
    private readonly RequestChannel shell, control;
    private readonly CompositeKernel kernel;
    private readonly ExecuteHandler execute;
    private readonly LanguageServices languageServices;
    private readonly CancellationTokenSource stop = new();
    private List<JupyterMessage> queuedAtError = [];

    private JupyterKernel(ConnectionInfo connection, KernelSockets sockets, CompositeKernel kernel, KernelLog log)
    {
        this.connection = connection;
        this.sockets = sockets;
        this.kernel = kernel;
        this.log = log;
        var codec = new WireCodec(new MessageSigner(connection.Key));
        iopub = new IopubPublisher(sockets.Iopub, codec, Messages);
        shell = new RequestChannel("shell", sockets.Shell, codec, log);
        control = new RequestChannel("control", sockets.Control, codec, log);
        execute = new ExecuteHandler(kernel, iopub, new MimeBundle(new PlotlyOffline()), log);
        languageServices = new LanguageServices(kernel);
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
            execute.Interrupt();
        });
        iopub.Status(null, "starting");
        var threads = new[]
        {
            StartThread("heartbeat", () => new Heartbeat(sockets.Heartbeat).Run(this.stop.Token)),
            StartThread("control", () => Serve(control, HandleControlAsync)),
            StartThread("shell", () => Serve(shell, HandleShellAsync)),
        };
        iopub.Status(null, "idle");
        var parentExit = ParentProcessWatcher.WhenParentExitsAsync(this.stop.Token);
        var stopped = Task.Delay(Timeout.Infinite, this.stop.Token);
        if (await Task.WhenAny(parentExit, stopped) == parentExit && !this.stop.IsCancellationRequested)
        {
            log.Write("the process that started the kernel has exited: shutting down");
        }
        await this.stop.CancelAsync();
        foreach (var thread in threads)
        {
            thread.Join(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Asks the kernel to stop serving (what shutdown_request does).</summary>
    public void Stop() => stop.Cancel();

    private static Thread StartThread(string name, Action body)
    {
        var thread = new Thread(() => body()) { IsBackground = true, Name = $"jupyter-{name}" };
        thread.Start();
        return thread;
    }

    private void Serve(RequestChannel channel, Func<RequestChannel, JupyterMessage, Task> handle)
    {
        while (!stop.IsCancellationRequested)
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
        iopub.Status(message, "busy");
        try
        {
            handle(channel, message).GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            log.Write($"{message.Type} on {channel.Name} failed: {e}");
        }
        finally
        {
            iopub.Status(message, "idle");
        }
    }

    /// <summary>
    /// After a failing cell, answers the execute requests that were queued when it failed with <c>aborted</c>, as
    /// ipykernel does ("Run All" stops there); other queued requests are handled as usual.
    /// </summary>
    private void AbortQueued(RequestChannel channel, Func<RequestChannel, JupyterMessage, Task> handle)
    {
        var queued = queuedAtError;
        queuedAtError = [];
        foreach (var request in queued)
        {
            if (request.Type != "execute_request")
            {
                Handle(channel, request, handle);
                continue;
            }
            iopub.Status(request, "busy");
            channel.Send(Messages.Reply(request, "execute_reply", new JsonObject { ["status"] = "aborted" }));
            iopub.Status(request, "idle");
        }
    }

    private async Task HandleShellAsync(RequestChannel channel, JupyterMessage request)
    {
        switch (request.Type)
        {
            case "execute_request":
                var reply = await execute.ExecuteAsync(request);
                if (reply["status"]!.GetValue<string>() == "error" && request.Flag("stop_on_error", true))
                {
                    queuedAtError = channel.ReceiveQueued(); // before the reply: only what was sent before the error is aborted
                }
                channel.Send(Messages.Reply(request, "execute_reply", reply));
                break;
            case "complete_request":
                channel.Send(Messages.Reply(request, "complete_reply", await languageServices.CompleteAsync(request)));
                break;
            case "inspect_request":
                channel.Send(Messages.Reply(request, "inspect_reply", await languageServices.InspectAsync(request)));
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
                iopub.Publish(request, "comm_close", new JsonObject { ["comm_id"] = request.Text("comm_id"), ["data"] = new JsonObject() });
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
            log.Write("interrupt requested");
            execute.Interrupt();
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
                    ["shell_port"] = connection.ShellPort, ["iopub_port"] = connection.IopubPort, ["stdin_port"] = connection.StdinPort,
                    ["control_port"] = connection.ControlPort, ["hb_port"] = connection.HeartbeatPort,
                }));
                break;
            case "shutdown_request":
                bool restart = request.Flag("restart", false);
                log.Write($"shutdown requested (restart: {restart})");
                channel.Send(Messages.Reply(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart }));
                iopub.Publish(request, "shutdown_reply", new JsonObject { ["status"] = "ok", ["restart"] = restart });
                Stop();
                break;
            default:
                log.Write($"ignored a {request.Type} on {channel.Name}: this kernel does not handle it");
                break;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        stop.Cancel();
        kernel.Dispose();
        sockets.Dispose();
        stop.Dispose();
        NetMQConfig.Cleanup(block: false);
    }
}
