namespace RnnNotebooks.Notebooks.Documents;

/// <summary>One output of a code cell, as one entry of nbformat's <c>outputs</c> list.</summary>
public abstract record CellOutput;

/// <summary>Text written to standard output or standard error (<c>output_type: stream</c>).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;

/// <summary>
/// A value shown by <c>display(...)</c> (<c>display_data</c>), or the cell's last expression
/// (<c>execute_result</c>, when <paramref name="ExecutionCount"/> is set).
/// </summary>
/// <param name="Data">The value in each MIME type, e.g. <c>text/html</c>; JSON types hold JSON text.</param>
/// <param name="ExecutionCount">The cell's execution count for an <c>execute_result</c>; null for <c>display_data</c>.</param>
public sealed record DataOutput(IReadOnlyDictionary<string, string> Data, int? ExecutionCount = null) : CellOutput
{
    /// <summary>True for the cell's returned value (<c>execute_result</c>).</summary>
    public bool IsResult => ExecutionCount is not null;
}

/// <summary>An error that stopped the cell (<c>output_type: error</c>).</summary>
/// <param name="Name">The error's kind, e.g. an exception type or <c>CompilationError</c>.</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">Lines of the stack trace (may be empty).</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
