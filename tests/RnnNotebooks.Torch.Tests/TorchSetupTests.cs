using System.Runtime.CompilerServices;
using RnnNotebooks.Torch.Elf;
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
    public void The_report_matches_this_machine()
    {
        var report = TorchSetup.EnsureLoaded();

        output.WriteLine(report.ToString());
        Assert.NotNull(report.LibStdCxxPath);
        Assert.Equal(LibStdCxx.Defines(report.LibStdCxxPath, TorchSetup.RequiredVersion), report.HasRequiredVersion);
        if (report.HasRequiredVersion)
        {
            Assert.Empty(report.Libraries);
            return;
        }
        Assert.NotEmpty(report.Libraries);
        foreach (var library in report.Libraries)
        {
            Assert.Contains(library.Outcome, new PatchOutcome?[] { PatchOutcome.Patched, PatchOutcome.AlreadyWeak });
            Assert.All(ElfVersions.Needs(ElfImage.Load(library.Path)).Where(n => n.Name == TorchSetup.RequiredVersion), n => Assert.True(n.IsWeak));
        }
        Assert.InRange(report.PatchTime, TimeSpan.Zero, report.TotalTime);
    }

    [Fact]
    public void The_process_libstdcxx_is_found_and_its_versions_read()
    {
        string? path = LibStdCxx.LoadedPath();

        Assert.NotNull(path);
        Assert.True(File.Exists(path), path);
        Assert.True(LibStdCxx.Defines(path, "GLIBCXX_3.4"));
        Assert.True(LibStdCxx.Defines(path, "CXXABI_1.3"));
        Assert.False(LibStdCxx.Defines(path, "GLIBCXX_99.0"));
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled after EnsureLoaded
    private static (double, int) OnesSumAndThreads()
    {
        using var ones = torch.ones(2, 3, dtype: torch.float64);
        return (ones.sum().item<double>(), torch.get_num_threads());
    }
}
