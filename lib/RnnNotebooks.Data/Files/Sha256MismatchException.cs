namespace RnnNotebooks.Data;

/// <summary>A file whose SHA-256 is not the pinned one: not the dataset the project measured on.</summary>
public sealed class Sha256MismatchException : DataUnavailableException
{
    /// <summary>The exception for a file and its two hashes.</summary>
    /// <param name="what">The file or address whose bytes were hashed.</param>
    /// <param name="expected">The pinned SHA-256.</param>
    /// <param name="actual">The SHA-256 of the bytes.</param>
    public Sha256MismatchException(string what, string expected, string actual)
        : base($"{what} has SHA-256 {actual}, expected {expected}")
    {
        Expected = expected;
        Actual = actual;
    }

    /// <summary>The pinned SHA-256.</summary>
    public string Expected { get; }

    /// <summary>The SHA-256 of the bytes found.</summary>
    public string Actual { get; }
}
