using System.Diagnostics;
using System.Reflection;

namespace RnnNotebooks.Benchmarks;

/// <summary>
/// <c>--isa</c>: runs the rest of the command line once per <see cref="IsaSet"/> this CPU has, one child process after
/// the other (never two at once: they would share the cores), each writing to this console under a heading.
/// Every child measures its own limits, so each table compares its path with what that path can reach.
/// </summary>
internal static class IsaRuns
{
    /// <summary>Runs the children; returns the worst exit code among them.</summary>
    public static int Run(string[] args)
    {
        string[] childArgs = args.Where(a => a != "--isa").ToArray();
        int worst = 0;
        foreach (var set in IsaSet.All)
        {
            Console.WriteLine($"\n## {set.Name}\n");
            if (set.Lacks is not null)
            {
                Console.WriteLine($"Skipped: {set.Lacks}.");
                continue;
            }
            int code = RunChild(set, childArgs);
            if (code != 0)
            {
                Console.WriteLine($"(exit code {code})");
            }
            worst = Math.Max(worst, code);
        }
        return worst;
    }

    /// <summary>This program again, with the set's variables, on this console.</summary>
    private static int RunChild(IsaSet set, string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location); // run as `dotnet RnnNotebooks.Benchmarks.dll`
        }
        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in set.Environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var child = Process.Start(start)!;
        child.WaitForExit();
        return child.ExitCode;
    }
}
