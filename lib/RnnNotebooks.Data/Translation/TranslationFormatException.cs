namespace RnnNotebooks.Data;

/// <summary>A line of a sentence-pair file that is not <c>english TAB french TAB attribution</c>.</summary>
public sealed class TranslationFormatException : FormatException
{
    /// <summary>An error at a line of a file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="line">The 1-based line number.</param>
    /// <param name="message">What was wrong.</param>
    public TranslationFormatException(string path, int line, string message)
        : base($"{path}, line {line}: {message}")
    {
        Path = path;
        Line = line;
    }

    /// <summary>The file.</summary>
    public string Path { get; }

    /// <summary>The 1-based line number.</summary>
    public int Line { get; }
}
