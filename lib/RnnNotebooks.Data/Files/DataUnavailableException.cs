namespace RnnNotebooks.Data;

/// <summary>
/// A real dataset that could not be had (not on disk and not downloadable, or not the pinned file). A notebook
/// prints "uses the bundled set because " + <see cref="Reason"/> and goes on with its own data.
/// </summary>
public class DataUnavailableException : Exception
{
    /// <summary>The exception with its reason.</summary>
    /// <param name="reason">One clause saying why: "wikigold is not in ... and the download failed (...)".</param>
    /// <param name="inner">The error behind it, if any.</param>
    public DataUnavailableException(string reason, Exception? inner = null) : base(reason, inner) => Reason = reason;

    /// <summary>Why the data is not there, as one clause.</summary>
    public string Reason { get; }
}
