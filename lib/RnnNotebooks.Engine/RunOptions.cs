namespace RnnNotebooks.Engine;

/// <summary>How the engine runs notebooks.</summary>
public sealed record RunOptions
{
    /// <summary>The default per-cell time limit: 5 minutes.</summary>
    public static readonly TimeSpan DefaultCellTimeLimit = TimeSpan.FromMinutes(5);

    /// <summary>A cell running longer than this fails the notebook.</summary>
    public TimeSpan CellTimeLimit { get; init; } = DefaultCellTimeLimit;
}
