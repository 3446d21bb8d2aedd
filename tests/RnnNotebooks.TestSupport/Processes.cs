using System.Diagnostics;

namespace RnnNotebooks.TestSupport;

/// <summary>Runs the command-line tools the Jupyter tests drive (python3, jupyter, dotnet), with a time limit.</summary>
public static class Processes
{
    /// <summary>Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="folder"/>; kills it (and its children) at <paramref name="limit"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string folder, TimeSpan limit, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Process.Start(StartInfo(file, args, folder, environment))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return new ProcessResult(-1, await output, await errors + $"\n(killed after {limit.TotalSeconds:0} s)");
        }
        return new ProcessResult(process.ExitCode, await output, await errors);
    }

    /// <summary>A start info that captures output and adds <paramref name="environment"/>.</summary>
    public static ProcessStartInfo StartInfo(string file, IEnumerable<string> args, string folder, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
        return start;
    }
}
