namespace RnnNotebooks.TestSupport;

/// <summary>
/// A fact that needs Jupyter (<see cref="JupyterTools"/>), and a browser too when <c>needsBrowser</c>: skipped with the
/// reason when one is missing, except under CI=true, where it runs and fails.
/// </summary>
public sealed class JupyterFactAttribute : FactAttribute
{
    public JupyterFactAttribute(bool needsBrowser = false)
    {
        if (!Ci.IsOn && (JupyterTools.MissingReason ?? (needsBrowser ? Browser.MissingReason : null)) is { } reason)
        {
            Skip = reason;
        }
    }
}
