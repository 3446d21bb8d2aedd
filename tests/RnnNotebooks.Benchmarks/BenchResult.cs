namespace RnnNotebooks.Benchmarks;

/// <summary>What one size measured: medians in microseconds over interleaved rounds, allocations, and the bound that applies.</summary>
internal sealed record BenchResult(BenchCase Case, double CoreMicroseconds, double TorchMicroseconds, long BytesPerStep, double LossDifference, Bound Bound)
{
    public double Ratio => CoreMicroseconds / TorchMicroseconds;

    /// <summary>The targets: at most half of libtorch's time at m = 1, at most its time at m = 32.</summary>
    public double Target => Case.m == 1 ? 0.5 : 1.0;

    public double CoreGflops => Case.Flops / CoreMicroseconds / 1e3;

    public double TorchGflops => Case.Flops / TorchMicroseconds / 1e3;
}
