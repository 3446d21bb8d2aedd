namespace RnnNotebooks.Engine;

/// <summary>An observer that ignores the run: the default when nobody watches.</summary>
internal sealed class SilentObserver : IRunObserver
{
    /// <summary>The one instance.</summary>
    public static readonly SilentObserver Instance = new();
}
