namespace RnnNotebooks.TestSupport;

/// <summary>Where the tests run.</summary>
public static class Ci
{
    /// <summary>True under CI (<c>CI=true</c>), where nothing may be skipped for a missing tool.</summary>
    public static bool IsOn => Environment.GetEnvironmentVariable("CI") == "true";
}
