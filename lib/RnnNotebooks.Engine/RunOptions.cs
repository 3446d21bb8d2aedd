namespace RnnNotebooks.Engine;

/// <summary>How the engine runs notebooks.</summary>
public sealed record RunOptions
{
    /// <summary>The default per-cell time limit: 5 minutes.</summary>
    public static readonly TimeSpan DefaultCellTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>A cell running longer than this fails the notebook.</summary>
    public TimeSpan CellTimeLimit { get; init; } = DefaultCellTimeLimit;

    /// <summary>
    /// Grade the exercises as written: do not run each exercise's solution (<see cref="ExerciseSolutions"/>) after its
    /// cell. False (the default) runs the notebook's solutions, so the notebook runs to its end with every figure.
    /// </summary>
    public bool AsWritten { get; init; }

    /// <summary>
    /// Run as for storing the outputs in the repository (<see cref="Storing.StoredNotebook"/>): only what a re-run on any
    /// machine reproduces. Times are not printed (<see cref="Scripts.Timing"/>, <c>ReportSeconds</c>). Real datasets are
    /// used as in any run (each is pinned by its SHA-256, so every machine that has it stores the same results), and a
    /// notebook that promises real-data figures (<c>expectWithRealData</c>) fails when its data was not found, so a store
    /// on a machine without the data never replaces the stored real-data results with empty cells.
    /// </summary>
    public bool Store { get; init; }
}
