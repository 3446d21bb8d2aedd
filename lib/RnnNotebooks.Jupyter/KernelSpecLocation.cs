namespace RnnNotebooks.Jupyter;

/// <summary>
/// Where Jupyter looks for kernelspecs: the user's data folder (<c>--user</c>, the default), or
/// <c>PREFIX/share/jupyter/kernels</c> (<c>--prefix</c>, and <c>--sys-prefix</c> with the prefix of Jupyter's Python).
/// </summary>
public static class KernelSpecLocation
{
    /// <summary>The user's kernels folder: <c>$JUPYTER_DATA_DIR/kernels</c> if set, else the platform's Jupyter data folder.</summary>
    public static string User()
    {
        if (Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR") is { Length: > 0 } data)
        {
            return Path.Combine(data, "kernels");
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        }
        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        }
        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME") is { Length: > 0 } x ? x : Path.Combine(home, ".local", "share");
        return Path.Combine(xdg, "jupyter", "kernels");
    }

    /// <summary>The kernels folder under an installation prefix: <c>PREFIX/share/jupyter/kernels</c>.</summary>
    public static string Prefix(string prefix) => Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
}
