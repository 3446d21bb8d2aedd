namespace RnnNotebooks.Engine.Documents;

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
