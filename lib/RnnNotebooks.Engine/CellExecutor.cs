using System.Diagnostics;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace RnnNotebooks.Engine;

/// <summary>Runs one code cell in a kernel, within a time limit, and collects what it produced.</summary>
internal static class CellExecutor
{
    /// <summary>Submits <paramref name="code"/>; stops waiting after <paramref name="timeLimit"/>.</summary>
    /// <remarks>
    /// A cell past its limit is interrupted (<see cref="CellInterrupt"/>: its own loops stop at their next
    /// iteration) and cancelled, but .NET cannot abort a thread: code that is not in one of the cell's loops and
    /// ignores <c>KernelInvocationContext.Current.CancellationToken</c> goes on in the background until the
    /// process ends. The engine abandons that kernel and reports the cell as failed.
    /// </remarks>
    public static async Task<CellResult> ExecuteAsync(Microsoft.DotNet.Interactive.Kernel kernel, string code, int executionCount, TimeSpan timeLimit)
    {
        var collector = new OutputCollector(executionCount);
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource();
        using (kernel.KernelEvents.Subscribe(collector.Add))
        {
            CellInterrupt.Reset();
            var submission = kernel.SendAsync(new SubmitCode(InterruptibleCode.Prepare(code)), cancel.Token);
            var finished = await Task.WhenAny(submission, Task.Delay(timeLimit));
            if (finished != submission)
            {
                CellInterrupt.Request();
                await cancel.CancelAsync();
                collector.Fail("TimeoutError", $"the cell ran past its time limit of {Describe(timeLimit)} and was stopped.");
                return new CellResult(collector.Outputs, collector.Figures, collector.Error, clock.Elapsed, TimedOut: true);
            }
            await submission;
        }
        return new CellResult(collector.Outputs, collector.Figures, collector.Error, clock.Elapsed, TimedOut: false);
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalSeconds < 120 ? $"{limit.TotalSeconds:0.###} s" : $"{limit.TotalMinutes:0.##} min";
}
