namespace RnnNotebooks.Data;

/// <summary>A music file that cannot be read: the message starts with "file:line:" and names the token that is wrong.</summary>
public sealed class MusicFormatException : FormatException
{
    /// <summary>An error at a token of a line of a source.</summary>
    /// <param name="sourceName">The file (or the name given to a reader).</param>
    /// <param name="lineNumber">The 1-based line number.</param>
    /// <param name="token">The text that could not be read (may be empty at the end of a line).</param>
    /// <param name="problem">What is wrong there.</param>
    public MusicFormatException(string sourceName, int lineNumber, string token, string problem)
        : base($"{sourceName}:{lineNumber}: '{token}': {problem}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Token = token;
    }

    /// <summary>The file (or the name given to a reader).</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>The text that could not be read.</summary>
    public string Token { get; }
}
