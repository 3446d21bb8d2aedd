using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Runs <c>execute_request</c>s in the C# kernel: publishes the code and its outputs on IOPub and answers with
/// the execution count or the error. An interrupt stops the cell's own loops at their next iteration
/// (<see cref="CellInterrupt"/>); a cell blocked elsewhere is cancelled after <see cref="GracePeriod"/>, and
/// its code goes on in the background, which the error says.
/// </summary>
internal sealed class ExecuteHandler(Microsoft.DotNet.Interactive.Kernel kernel, IopubPublisher iopub, MimeBundle bundles, KernelLog log)
{
    /// <summary>How long an interrupted cell has to stop by itself before the kernel cancels it.</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(2);

    private int executionCount;
    private TaskCompletionSource? interrupt;

    /// <summary>Executes <paramref name="request"/>; returns the <c>execute_reply</c> content.</summary>
    public async Task<JsonObject> ExecuteAsync(JupyterMessage request)
    {
        var code = request.Text("code");
        bool silent = request.Flag("silent", false);
        if (!silent && request.Flag("store_history", true))
        {
            executionCount++;
        }
        if (!silent)
        {
            iopub.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = executionCount });
        }
        var error = UnbuiltLibrary(code) ?? await RunAsync(code, new ExecutionOutputs(iopub, request, executionCount, bundles, silent));
        if (error is null)
        {
            return new JsonObject { ["status"] = "ok", ["execution_count"] = executionCount, ["payload"] = new JsonArray(), ["user_expressions"] = new JsonObject() };
        }
        if (!silent)
        {
            iopub.Publish(request, "error", error.ToContent());
        }
        var reply = error.ToContent();
        reply["status"] = "error";
        reply["execution_count"] = executionCount;
        return reply;
    }

    /// <summary>
    /// A cell that references a course library under artifacts/lib that is not built (a notebook opened before the
    /// libraries were built) is not compiled: it gets one sentence saying what to run, rather than a compile error.
    /// </summary>
    private CellError? UnbuiltLibrary(string code)
    {
        if (CourseLibraries.MissingReference(code, Environment.CurrentDirectory) is not { } missing)
        {
            return null;
        }
        log.Write($"a cell references {missing}, which is not built; answered with what to run");
        return CellError.Of("CourseLibrariesNotBuilt", CourseLibraries.NotBuilt);
    }

    /// <summary>Asks the running cell, if any, to stop (the control channel's <c>interrupt_request</c>).</summary>
    public void Interrupt()
    {
        CellInterrupt.Request();
        Volatile.Read(ref interrupt)?.TrySetResult();
    }

    private async Task<CellError?> RunAsync(string code, ExecutionOutputs outputs)
    {
        var interrupt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        CellInterrupt.Reset();
        Volatile.Write(ref this.interrupt, interrupt);
        using var subscription = kernel.KernelEvents.Subscribe(outputs.On);
        var run = kernel.SendAsync(new SubmitCode(InterruptibleCode.Prepare(code)));
        bool stuck = false;
        if (await Task.WhenAny(run, interrupt.Task) != run && await Task.WhenAny(run, Task.Delay(GracePeriod)) != run)
        {
            log.Write("an interrupted cell did not stop by itself; cancelling it (its code goes on in the background)");
            await kernel.SendAsync(new Cancel());
            stuck = true;
        }
        await run;
        Volatile.Write(ref this.interrupt, null);
        if (stuck)
        {
            return CellError.Of("Interrupted",
                "The cell was interrupted, but its code is still running in the background: it was blocked outside the cell's own loops " +
                "(in a library call or Thread.Sleep, say), which cannot be stopped. The next cell waits for it; restart the kernel to stop it.");
        }
        return outputs.Error;
    }
}
