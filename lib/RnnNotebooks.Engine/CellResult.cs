using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>What one code cell produced.</summary>
/// <param name="Outputs">Its nbformat outputs.</param>
/// <param name="Figures">The figures it reported.</param>
/// <param name="Error">Its error, or null when it succeeded.</param>
/// <param name="Elapsed">How long it ran.</param>
/// <param name="TimedOut">True when it ran past the time limit (its kernel can no longer be used).</param>
internal sealed record CellResult(
    IReadOnlyList<CellOutput> Outputs,
    IReadOnlyList<ReportedFigure> Figures,
    string? Error,
    TimeSpan Elapsed,
    bool TimedOut);
