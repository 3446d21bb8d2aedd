using RnnNotebooks.Scripts;

namespace RnnNotebooks.Engine;

/// <summary>
/// A figure a notebook reports about itself with <c>Report("accuracy", 0.93)</c>, e.g. a final loss or an
/// accuracy. It is displayed in the notebook and collected by the engine into the run summary.
/// </summary>
/// <param name="Name">What the figure is, e.g. <c>accuracy</c>.</param>
/// <param name="Value">Its value.</param>
public sealed record ReportedFigure(string Name, double Value)
{
    /// <summary>False for a time reported while outputs are stored: collected and checked, but its value not shown.</summary>
    public bool ValueShown { get; init; } = true;

    /// <summary>The figure as <c>name = value</c>, with up to 4 significant digits (or, for a stored time, that it is not stored).</summary>
    public override string ToString() => ValueShown ? Figures.Format(Name, Value) : $"{Name}: {Timing.NotStored}";
}
