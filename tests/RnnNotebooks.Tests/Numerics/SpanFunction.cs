namespace RnnNotebooks.Tests;

/// <summary>One of <see cref="Elementwise"/>'s span functions: y[i] = f(x[i]).</summary>
internal delegate void SpanFunction(ReadOnlySpan<double> x, Span<double> y);
