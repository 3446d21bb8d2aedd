using RnnNotebooks.Jupyter;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// The kernelspec installed the way a reader installs it — <c>dotnet rnnbook.dll kernel install --prefix DIR</c>,
/// from the engine's own build output — into a temporary prefix, once per test run. Tests put
/// <see cref="Environment"/> (JUPYTER_PATH) on the Jupyter processes they start; the user's Jupyter is never touched.
/// </summary>
public static class KernelInstallation
{
    private static readonly Lazy<Task<string>> Prefix = new(InstallAsync);

    /// <summary>The environment that makes Jupyter find the kernelspec: JUPYTER_PATH=PREFIX/share/jupyter.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync() =>
        new Dictionary<string, string> { ["JUPYTER_PATH"] = Path.Combine(await Prefix.Value, "share", "jupyter") };

    /// <summary>The installed kernel.json's folder.</summary>
    public static async Task<string> KernelFolderAsync() =>
        Path.Combine(await Prefix.Value, "share", "jupyter", "kernels", "rnnnotebooks-csharp");

    private static async Task<string> InstallAsync()
    {
        var prefix = Directory.CreateTempSubdirectory("rnnbook-jupyter-").FullName;
        Assert.True(File.Exists(Repository.RnnbookDll), $"{Repository.RnnbookDll} is missing: build the solution first.");
        var install = await Processes.RunAsync(KernelCommandLine.DotnetHost(), [Repository.RnnbookDll, "kernel", "install", "--prefix", prefix], prefix, TimeSpan.FromMinutes(2));
        Assert.True(install.ExitCode == 0, $"rnnbook kernel install failed: {install}");
        return prefix;
    }
}
