namespace RnnNotebooks;

/// <summary>How the BPTT gradient of one parameter compares with central differences.</summary>
/// <param name="Name">The parameter, e.g. "Waa", or "a0" / "x" for the input gradients.</param>
/// <param name="Count">How many values were checked.</param>
/// <param name="RelativeError">
/// ||analytic - numeric|| / max(||analytic|| + ||numeric||, 1e-4 max(1, |L|)). The floor sits a million times
/// above the rounding noise of a central difference (about 1e-11 |L| per value), so the ratio never
/// measures noise on a gradient too small to resolve.
/// </param>
/// <param name="MaxAbsoluteDifference">The largest |analytic - numeric| over the values.</param>
/// <param name="AnalyticNorm">||analytic||, to tell a true zero gradient from a tiny one.</param>
public sealed record GradientCheckResult(string Name, int Count, double RelativeError, double MaxAbsoluteDifference, double AnalyticNorm);
