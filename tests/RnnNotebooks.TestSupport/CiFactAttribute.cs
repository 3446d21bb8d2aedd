namespace RnnNotebooks.TestSupport;

/// <summary>
/// A fact about what CI must measure (for example, that notebooks found their real datasets): it runs under CI=true, and
/// outside CI is skipped with the reason, since a reader's machine may lack what CI provides.
/// </summary>
public sealed class CiFactAttribute : FactAttribute
{
    public CiFactAttribute(string whatCiProvides)
    {
        if (!Ci.IsOn)
        {
            Skip = $"runs under CI=true only, where {whatCiProvides}";
        }
    }
}
