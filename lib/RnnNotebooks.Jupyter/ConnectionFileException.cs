namespace RnnNotebooks.Jupyter;

/// <summary>A connection file that cannot be used: missing, not JSON, or a field that is absent or wrong.</summary>
/// <param name="path">The connection file.</param>
/// <param name="problem">What is wrong, e.g. <c>'shell_port' is missing or is not a port number (1-65535).</c></param>
public sealed class ConnectionFileException(string path, string problem) : Exception($"{path}: {problem}")
{
    /// <summary>What is wrong, without the path.</summary>
    public string Problem { get; } = problem;
}
