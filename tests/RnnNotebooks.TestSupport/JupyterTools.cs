using RnnNotebooks.Engine;

namespace RnnNotebooks.TestSupport;

/// <summary>
/// The Jupyter the kernel tests drive (<c>.ci/run</c> installs Debian's): a Python with jupyter_client, nbclient,
/// nbconvert, the classic Notebook, jupyter_kernel_test and pytest, and its <c>jupyter</c> command. On Linux Debian's
/// own <c>/usr/bin/python3</c> is tried first on purpose: another <c>python3</c> on PATH (pyenv, a venv) usually lacks
/// these modules. Elsewhere (Windows, macOS) the Python and jupyter on PATH.
/// </summary>
public static class JupyterTools
{
    private const string Modules = "jupyter_client, nbclient, nbconvert, jupyter_kernel_test, pytest, notebook";
    private const string Install = "on Debian: apt-get install jupyter-client python3-nbclient jupyter-nbconvert python3-jupyter-kernel-test jupyter-notebook python3-pytest; elsewhere: pip install jupyter_client nbclient nbconvert jupyter_kernel_test pytest \"notebook<7\"";

    private static readonly Lazy<(string? Python, string? Jupyter, string? Missing)> Found = new(Find);

    /// <summary>The Python that has Jupyter's modules.</summary>
    public static string Python => Found.Value.Python ?? throw new InvalidOperationException(MissingReason);

    /// <summary>The jupyter command.</summary>
    public static string Jupyter => Found.Value.Jupyter ?? throw new InvalidOperationException(MissingReason);

    /// <summary>Why the Jupyter tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => Found.Value.Missing;

    private static (string?, string?, string?) Find()
    {
        var pythons = new[] { OperatingSystem.IsLinux() ? ExecutableSearch.FirstExisting(["/usr/bin/python3"]) : null, ExecutableSearch.OnPath("python3", "python") }
            .OfType<string>().Distinct().ToList();
        if (pythons.Count == 0)
        {
            return (null, null, $"Jupyter's tests need Python with {Modules} ({Install})");
        }
        var python = pythons.FirstOrDefault(HasModules);
        if (python is null)
        {
            return (null, null, $"{string.Join(" and ", pythons)} lack some of {Modules} ({Install})");
        }
        var jupyter = ExecutableSearch.FirstExisting([Path.Combine(Path.GetDirectoryName(python)!, OperatingSystem.IsWindows() ? "Scripts\\jupyter.exe" : "jupyter"),
                                                      Path.Combine(Path.GetDirectoryName(python)!, OperatingSystem.IsWindows() ? "jupyter.exe" : "jupyter")])
            ?? ExecutableSearch.OnPath("jupyter");
        return jupyter is null ? (null, null, $"the jupyter command is not on PATH ({Install})") : (python, jupyter, null);
    }

    private static bool HasModules(string python) =>
        Processes.RunAsync(python, ["-c", $"import {Modules}"], Path.GetTempPath(), TimeSpan.FromSeconds(60)).GetAwaiter().GetResult().ExitCode == 0;
}
