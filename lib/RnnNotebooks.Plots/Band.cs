namespace RnnNotebooks.Plots;

/// <summary>A shaded range of x on a line chart, e.g. the positions a model saw in training.</summary>
/// <param name="From">The left end.</param>
/// <param name="To">The right end (&gt; From).</param>
/// <param name="Label">The text written at the top of the band.</param>
public sealed record Band(double From, double To, string Label);
