namespace RnnNotebooks.Data;

/// <summary>A CoNLL file that cannot be read: the message starts with "file:line:" and says what is wrong there.</summary>
public sealed class ConllFormatException : FormatException
{
    /// <summary>An error at a line of a source.</summary>
    /// <param name="sourceName">The file (or the name given to a reader).</param>
    /// <param name="lineNumber">The 1-based line number (the last line + 1 for an error about the whole file).</param>
    /// <param name="problem">What is wrong there.</param>
    public ConllFormatException(string sourceName, int lineNumber, string problem)
        : base($"{sourceName}:{lineNumber}: {problem}")
    {
        SourceName = sourceName;
        LineNumber = lineNumber;
    }

    /// <summary>The file (or the name given to a reader).</summary>
    public string SourceName { get; }

    /// <summary>The 1-based line number.</summary>
    public int LineNumber { get; }
}
