namespace RnnNotebooks.Engine.Documents;

/// <summary>An error that stopped the cell (<c>output_type: error</c>).</summary>
/// <param name="Name">The error's kind, e.g. an exception type or <c>CompilationError</c>.</param>
/// <param name="Value">The error message.</param>
/// <param name="Traceback">Lines of the stack trace (may be empty).</param>
public sealed record ErrorOutput(string Name, string Value, IReadOnlyList<string> Traceback) : CellOutput;
