using System.Runtime.InteropServices;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// How kernel.json starts the kernel: <c>[absolute path of dotnet, absolute path of rnnbook.dll]</c>, both taken from
/// the running rnnbook. So the kernelspec needs neither <c>dotnet</c> on Jupyter's PATH nor a working directory,
/// and always runs the build <c>kernel install</c> was run from (rebuild, and the kernel uses the new build).
/// </summary>
public static class KernelCommandLine
{
    /// <summary>The command that runs <paramref name="rnnbookDll"/> (the running rnnbook's own dll): the .NET host, then that dll.</summary>
    public static IReadOnlyList<string> For(string rnnbookDll) => [DotnetHost(), Path.GetFullPath(rnnbookDll)];

    /// <summary>
    /// The <c>dotnet</c> executable of the runtime this process runs on (its shared framework lives in
    /// <c>DOTNET_ROOT/shared/Microsoft.NETCore.App/VERSION/</c>); <c>dotnet</c> on PATH if that is not found.
    /// </summary>
    public static string DotnetHost()
    {
        var name = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";
        if (Environment.ProcessPath is { } process && Path.GetFileName(process) == name)
        {
            return process;
        }
        var runtime = new DirectoryInfo(RuntimeEnvironment.GetRuntimeDirectory());
        var root = runtime.Parent?.Parent?.Parent?.FullName;
        var host = root is null ? null : Path.Combine(root, name);
        return host is not null && File.Exists(host) ? host : "dotnet";
    }
}
