namespace RnnNotebooks.Data;

/// <summary>
/// A data file that cannot be read (a CoNLL file, ABC or chorale music, sentence pairs): the message starts with
/// "file:line:", names the token that is wrong when there is one, and says what is wrong there.
/// </summary>
public sealed class DataFormatException : FormatException
{
    /// <summary>An error at a line of a source, and at a token of that line when <paramref name="token"/> is given.</summary>
    /// <param name="sourceName">The file (or the name given to a reader).</param>
    /// <param name="lineNumber">The 1-based line number (the last line + 1 for an error about the whole file).</param>
    /// <param name="problem">What is wrong there.</param>
    /// <param name="token">The text that could not be read (may be empty at the end of a line); null when the whole line is wrong.</param>
    public DataFormatException(string sourceName, int lineNumber, string problem, string? token = null)
        : base(token is null ? $"{sourceName}:{lineNumber}: {problem}" : $"{sourceName}:{lineNumber}: '{token}': {problem}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
        Token = token;
    }

    /// <summary>The file (or the name given to a reader).</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line number.</summary>
    public int LineNumber { get; }

    /// <summary>The text that could not be read; null when the whole line is wrong.</summary>
    public string? Token { get; }
}
