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
}
