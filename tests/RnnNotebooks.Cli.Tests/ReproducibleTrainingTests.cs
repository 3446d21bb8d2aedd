using System.Diagnostics;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// Same seed, same bits: <c>rnnbook repro</c> run as child processes under every instruction set of this CPU
/// (<see cref="InstructionSet"/>) prints the same table byte for byte, and that table is the one README.md states.
/// </summary>
public sealed class ReproducibleTrainingTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Every_instruction_set_of_this_CPU_trains_to_the_bits_README_states()
    {
        var sets = InstructionSet.OfThisProcess();
        var covered = sets.Where(set => set.Absent is null || Ci.IsOn).ToList();
        var coverage = Coverage(sets, covered);
        output.WriteLine(coverage);
        var tables = new List<(InstructionSet Set, string Table)>();
        foreach (var set in covered)
        {
            tables.Add((set, await ReproUnder(set)));
        }

        var failures = new List<string>();
        var (first, table) = tables[0];
        foreach (var (set, other) in tables.Skip(1).Where(t => t.Table != table))
        {
            failures.Add($"{set.Name} printed another table than {first.Name}: {string.Join("; ", ReproTables.Differences(table, other))}\n--- {set.Name}\n{other}");
        }
        var stated = ReproTables.FromReadme(File.ReadAllText(Path.Combine(Repository.Layout.Root, "README.md")));
        if (stated != table)
        {
            failures.Add($"README.md's '{ReproTables.Section}' block is not what {first.Name} printed: {string.Join("; ", ReproTables.Differences(stated, table))}.\n"
                + $"If the arithmetic changed on purpose, replace the block's lines with these:\n{table}");
        }
        Assert.True(failures.Count == 0, $"{coverage}\n\n{string.Join("\n\n", failures)}");
    }

    [Fact]
    public void The_library_in_process_prints_the_table_README_states()
    {
        var table = SeededRunTable.Format(1, SeededRuns.Run(seed: 1, Repository.Layout.Root));

        var stated = ReproTables.FromReadme(File.ReadAllText(Path.Combine(Repository.Layout.Root, "README.md")));
        Assert.True(stated == table, $"README.md's '{ReproTables.Section}' block is not what SeededRuns printed in this process: "
            + $"{string.Join("; ", ReproTables.Differences(stated, table))}.\n--- SeededRuns in this process\n{table}");
    }

    /// <summary>rnnbook repro's standard output in a child process started with the set's switches; the child's time goes to the test output.</summary>
    private async Task<string> ReproUnder(InstructionSet set)
    {
        var clock = Stopwatch.StartNew();
        var run = await Processes.RunAsync(Jupyter.KernelCommandLine.DotnetHost(), [Repository.RnnbookDll, "repro"], Repository.Layout.Root, Limit, set.Environment);
        output.WriteLine($"{set.Name}: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(run.ExitCode == 0, $"rnnbook repro under {set.Name} failed: {run}");
        return run.Output;
    }

    private static string Coverage(IReadOnlyList<InstructionSet> sets, IReadOnlyList<InstructionSet> covered) =>
        $"instruction sets covered: {string.Join(", ", covered.Select(set => set.Name))}"
        + string.Concat(sets.Except(covered).Select(set => $"\nskipped: {set.Name}: {set.Absent}"))
        + (Ci.IsOn && sets.Any(set => set.Absent is not null) ? "\n(CI=true: every set ran, also those this CPU computes as another)" : "");
}
