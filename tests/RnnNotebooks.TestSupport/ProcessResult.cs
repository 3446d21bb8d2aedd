namespace RnnNotebooks.TestSupport;

/// <summary>How a process ended and what it printed.</summary>
/// <param name="ExitCode">Its exit code (-1 when it was killed at its time limit).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Errors">Standard error.</param>
public sealed record ProcessResult(int ExitCode, string Output, string Errors)
{
    /// <summary>Everything it printed, for a failure message.</summary>
    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Errors}";
}
