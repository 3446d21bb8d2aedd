namespace RnnNotebooks.Engine.Documents;

/// <summary>Text written to standard output or standard error (<c>output_type: stream</c>).</summary>
/// <param name="Name"><c>stdout</c> or <c>stderr</c>.</param>
/// <param name="Text">The text, newlines included.</param>
public sealed record StreamOutput(string Name, string Text) : CellOutput;
