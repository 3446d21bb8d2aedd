namespace RnnNotebooks.Engine;

/// <summary>Why a notebook run stopped: which notebook, which cell, and the error.</summary>
/// <param name="NotebookPath">The notebook's path as given to the engine.</param>
/// <param name="CellNumber">The cell's 1-based position among all cells (markdown included), or 0 when the file could not be read.</param>
/// <param name="FirstLine">The cell's first non-blank line.</param>
/// <param name="Error">The error message (compile errors, the exception's message, or the time limit).</param>
public sealed record CellFailure(string NotebookPath, int CellNumber, string FirstLine, string Error)
{
    /// <summary>Everything in one line: <c>path: cell N `first line`: error</c>.</summary>
    public override string ToString()
    {
        var error = string.Join(" ", Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return CellNumber == 0
            ? $"{NotebookPath}: {error}"
            : $"{NotebookPath}: cell {CellNumber} `{FirstLine}`: {error}";
    }
}
