namespace RnnNotebooks.Notebooks.Tests.Jupyter;

/// <summary>
/// The Debian Jupyter the kernel tests drive (<c>.ci/run</c> installs it): <c>/usr/bin/python3</c> with
/// jupyter_client, nbclient, jupyter_kernel_test and pytest, and the <c>jupyter</c> command. Debian's own Python
/// is used on purpose: another <c>python3</c> on PATH (pyenv, a venv) usually lacks these modules.
/// </summary>
internal static class JupyterTools
{
    /// <summary>Debian's Python, which has Debian's Jupyter modules.</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>The jupyter command.</summary>
    public const string Jupyter = "/usr/bin/jupyter";

    /// <summary>True under CI (<c>CI=true</c>), where nothing may be skipped for a missing tool.</summary>
    public static bool InCi => Environment.GetEnvironmentVariable("CI") == "true";

    private static readonly Lazy<string?> Missing = new(FindMissing);

    /// <summary>Why the Jupyter tests cannot run here, or null when they can.</summary>
    public static string? MissingReason => Missing.Value;

    private static string? FindMissing()
    {
        if (!File.Exists(Python) || !File.Exists(Jupyter))
        {
            return $"Jupyter is not installed ({Python} or {Jupyter} is missing): apt-get install jupyter-client python3-nbclient jupyter-nbconvert python3-jupyter-kernel-test jupyter-notebook python3-pytest";
        }
        var check = Processes.RunAsync(Python, ["-c", "import jupyter_client, nbclient, nbconvert, jupyter_kernel_test, pytest, notebook"], Path.GetTempPath(), TimeSpan.FromSeconds(60)).GetAwaiter().GetResult();
        return check.ExitCode == 0 ? null : $"Debian's Jupyter modules are incomplete ({check.Errors.Trim()}): apt-get install jupyter-client python3-nbclient jupyter-nbconvert python3-jupyter-kernel-test jupyter-notebook python3-pytest";
    }
}
