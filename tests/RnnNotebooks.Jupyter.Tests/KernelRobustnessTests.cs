using System.Diagnostics;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine;
using Xunit.Abstractions;

namespace RnnNotebooks.Jupyter.Tests;

/// <summary>
/// The kernel under stress, driven by jupyter_client through tests/jupyter/robustness.py: 1,000 executes in one
/// kernel stay within a memory bound; an interrupt stops an endless loop; a wrongly signed message is dropped
/// and never executed; a kernel whose client is killed exits by itself; a notebook opened before the course libraries
/// are built is told what to run.
/// </summary>
[Collection(JupyterCollection.Name)]
public sealed class KernelRobustnessTests(ITestOutputHelper output)
{
    /// <summary>
    /// The most the kernel's memory may grow over 1,000 executes after a warm-up: 1.5 MiB managed, 2 MiB resident
    /// a cell. Every cell is a new Roslyn script assembly, compilation and language-service project that .NET
    /// cannot unload: a bare CSharpKernel grows ~0.6 MiB a submission (dotnet/interactive#2817); these cells
    /// measured ~0.9 MiB (README, "The Jupyter kernel").
    /// </summary>
    public const double MaxManagedGrowthMiB = 1500, MaxRssGrowthMiB = 2000;

    /// <summary>The most memory may grow over 2,000 protocol-only requests (kernel_info, is_complete): the kernel's own layer must not leak.</summary>
    public const double MaxProtocolGrowthMiB = 10;

    private async Task<JsonObject> CheckAsync(string check, params string[] args)
    {
        var script = Path.Combine(Repository.Layout.Root, "tests", "jupyter", "robustness.py");
        var run = await Processes.RunAsync(JupyterTools.Python, [script, check, .. args], Path.GetTempPath(), TimeSpan.FromMinutes(10),
            await KernelInstallation.EnvironmentAsync());
        output.WriteLine(run.ToString());
        Assert.True(run.ExitCode == 0, $"robustness.py {check} failed:\n{run}");
        return JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!.AsObject();
    }

    [JupyterFact]
    public async Task A_thousand_executes_stay_within_the_memory_bound()
    {
        var soak = await CheckAsync("soak", "1000");

        Assert.Equal(0, (int)soak["failures"]!);
        double rssGrowth = (double)soak["rss_after_mib"]! - (double)soak["rss_before_mib"]!;
        double managedGrowth = (double)soak["managed_after_mib"]! - (double)soak["managed_before_mib"]!;
        output.WriteLine($"RSS growth {rssGrowth:0.0} MiB (bound {MaxRssGrowthMiB}), managed growth {managedGrowth:0.0} MiB (bound {MaxManagedGrowthMiB})");
        Assert.True(rssGrowth <= MaxRssGrowthMiB, $"RSS grew {rssGrowth:0.0} MiB over 1,000 executes: {soak}");
        Assert.True(managedGrowth <= MaxManagedGrowthMiB, $"managed memory grew {managedGrowth:0.0} MiB over 1,000 executes: {soak}");
        double protocolGrowth = (double)soak["managed_after_protocol_mib"]! - (double)soak["managed_after_mib"]!;
        output.WriteLine($"managed growth over 2,000 protocol-only requests {protocolGrowth:0.0} MiB (bound {MaxProtocolGrowthMiB})");
        Assert.True(protocolGrowth <= MaxProtocolGrowthMiB, $"managed memory grew {protocolGrowth:0.0} MiB over 2,000 protocol-only requests: {soak}");
    }

    [JupyterFact]
    public async Task An_interrupt_stops_an_endless_loop_and_says_when_a_blocked_cell_goes_on()
    {
        var result = await CheckAsync("interrupt");

        var loop = result["loop"]!;
        Assert.Equal(("error", "Interrupted", "The cell was interrupted."), ((string)loop["status"]!, (string)loop["ename"]!, (string)loop["evalue"]!));
        Assert.True((double)loop["seconds_to_reply"]! < 1.5, $"the loop took {loop["seconds_to_reply"]} s to stop");
        Assert.Equal("42", (string)result["after_loop"]!);
        var sleep = result["sleep"]!;
        Assert.Equal("Interrupted", (string)sleep["ename"]!);
        Assert.Contains("still running in the background", (string)sleep["evalue"]!);
        Assert.Equal("42", (string)result["after_sleep"]!);
    }

    [JupyterFact]
    public async Task A_message_with_a_wrong_signature_is_dropped_and_never_executed()
    {
        var result = await CheckAsync("bad-signature");

        Assert.False((bool)result["forged_reply"]!, "the kernel answered a forged message");
        Assert.False((bool)result["forged_ran"]!, "the kernel executed a forged message");
        Assert.Equal("ok", (string)result["signed_status"]!);
        Assert.True((bool)result["signed_ran"]!, "the correctly signed message did not run");
    }

    [JupyterFact]
    public async Task A_first_cell_run_before_the_libraries_are_built_says_what_to_run_instead_of_a_compile_error()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(TestNotebook.NewFolder(), "clone", "notebooks")).FullName; // no ../artifacts/lib

        var result = await CheckAsync("unbuilt", notebooks);

        Assert.Equal(("error", "CourseLibrariesNotBuilt", CourseLibraries.NotBuilt),
            ((string)result["status"]!, (string)result["ename"]!, (string)result["evalue"]!));
        Assert.Equal([$"CourseLibrariesNotBuilt: {CourseLibraries.NotBuilt}"], result["traceback"]!.AsArray().Select(line => (string)line!));
        var published = Assert.Single(result["published"]!.AsArray());
        Assert.Equal("error", (string)published!["type"]!);
        Assert.DoesNotContain("CS0006", result.ToJsonString());
        Assert.Equal("42", (string)result["after"]!);
    }

    [JupyterFact]
    public async Task A_kernel_whose_client_is_killed_exits_by_itself()
    {
        var script = Path.Combine(Repository.Layout.Root, "tests", "jupyter", "robustness.py");
        var run = await Processes.RunAsync(JupyterTools.Python, [script, "orphan"], Path.GetTempPath(), TimeSpan.FromMinutes(2),
            await KernelInstallation.EnvironmentAsync());
        Assert.True(run.ExitCode == 137 || run.ExitCode == -9, $"the client was to kill itself with SIGKILL:\n{run}");
        int pid = (int)JsonNode.Parse(run.Output.Trim().Split('\n')[^1])!["kernel_pid"]!;

        var clock = Stopwatch.StartNew();
        while (IsRunning(pid) && clock.Elapsed < TimeSpan.FromSeconds(10))
        {
            await Task.Delay(100);
        }

        output.WriteLine($"the orphaned kernel {pid} was gone {clock.Elapsed.TotalSeconds:0.0} s after its client died");
        Assert.False(IsRunning(pid), $"kernel {pid} still runs 10 s after its client was killed");
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
