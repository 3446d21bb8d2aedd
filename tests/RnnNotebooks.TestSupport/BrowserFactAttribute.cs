namespace RnnNotebooks.TestSupport;

/// <summary>A fact that needs a browser (<see cref="Browser"/>): skipped with the reason when there is none, except under CI=true, where it runs and fails.</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Ci.IsOn && Browser.MissingReason is { } reason)
        {
            Skip = reason;
        }
    }
}
