namespace RnnNotebooks.Benchmarks;

/// <summary>The most GFLOP/s a product can reach here, and what limits it (e.g. "Vector512 FMA", "stream 1.5 MB").</summary>
internal sealed record Bound(double Gflops, string Label)
{
    /// <summary><paramref name="gflops"/> as a percentage of this bound.</summary>
    public double PercentOf(double gflops) => 100.0 * gflops / Gflops;

    /// <summary>"58.1 (Vector256 FMA)".</summary>
    public override string ToString() => $"{Gflops:F1} ({Label})";
}
