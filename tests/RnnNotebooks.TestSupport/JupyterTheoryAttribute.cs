namespace RnnNotebooks.TestSupport;

/// <summary>A theory that needs Debian's Jupyter: skipped with the reason when it is missing, except under CI=true, where it runs and fails.</summary>
public sealed class JupyterTheoryAttribute : TheoryAttribute
{
    public JupyterTheoryAttribute()
    {
        if (!JupyterTools.InCi && JupyterTools.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
