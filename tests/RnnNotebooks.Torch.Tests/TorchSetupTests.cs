using System.Runtime.CompilerServices;
using TorchSharp;
using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

public sealed class TorchSetupTests(ITestOutputHelper output)
{
    [Fact]
    public void EnsureLoaded_twice_returns_the_first_report_and_torch_then_runs_on_one_thread()
    {
        var first = TorchSetup.EnsureLoaded();
        var second = TorchSetup.EnsureLoaded();

        Assert.Same(first, second);
        Assert.Same(first, TorchSetup.Report);
        Assert.Equal((6.0, 1), OnesSumAndThreads());
    }

    [Fact]
    public void The_report_gives_the_first_calls_time()
    {
        var report = TorchSetup.EnsureLoaded();

        output.WriteLine(report.ToString());
        Assert.InRange(report.TotalTime, TimeSpan.Zero, TimeSpan.FromMinutes(1));
        Assert.Equal($"first torch call {report.TotalTime.TotalMilliseconds:F0} ms", report.ToString());
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled after EnsureLoaded
    private static (double, int) OnesSumAndThreads()
    {
        using var ones = torch.ones(2, 3, dtype: torch.float64);
        return (ones.sum().item<double>(), torch.get_num_threads());
    }
}
