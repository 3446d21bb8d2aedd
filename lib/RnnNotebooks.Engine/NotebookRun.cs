using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>The outcome of running one notebook.</summary>
/// <param name="Path">The source notebook.</param>
/// <param name="Executed">The notebook with its outputs; null when the file could not be read.</param>
/// <param name="CellsRun">How many code cells ran (the failing one included).</param>
/// <param name="Elapsed">Wall-clock time of the whole run, kernel start included.</param>
/// <param name="Figures">The figures the notebook reported with <c>Report(name, value)</c>, in order.</param>
/// <param name="Failure">Why it stopped; null when every cell succeeded.</param>
public sealed record NotebookRun(
    string Path,
    Notebook? Executed,
    int CellsRun,
    TimeSpan Elapsed,
    IReadOnlyList<ReportedFigure> Figures,
    CellFailure? Failure)
{
    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Failure is null;
}
