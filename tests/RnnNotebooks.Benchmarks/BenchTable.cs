namespace RnnNotebooks.Benchmarks;

/// <summary>The benchmark's table: times, the ratio to TorchSharp, GFLOP/s and the share of the bound, allocations.</summary>
internal static class BenchTable
{
    /// <summary>Prints one row per result, then the loss check and what the bound column means.</summary>
    public static void Print(IReadOnlyList<BenchResult> results)
    {
        Console.WriteLine("| model | n_a | m | RnnNotebooks (us) | TorchSharp (us) | ratio | target | GFLOP/s core | GFLOP/s torch | " +
            "bound (GFLOP/s) | core % of bound | torch % of bound | bytes allocated per step |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
        {
            string verdict = r.Ratio <= r.Target ? "met" : "MISSED";
            Console.WriteLine($"| {r.Case.Model} | {r.Case.nA} | {r.Case.m} | {r.CoreMicroseconds:F0} | {r.TorchMicroseconds:F0} | {r.Ratio:F2} | " +
                $"<= {r.Target:F1} {verdict} | {r.CoreGflops:F1} | {r.TorchGflops:F1} | {r.Bound} | {r.Bound.PercentOf(r.CoreGflops):F0}% | " +
                $"{r.Bound.PercentOf(r.TorchGflops):F0}% | {r.BytesPerStep} |");
        }
        double worstLoss = results.Max(r => r.LossDifference);
        Console.WriteLine($"\nBoth sides computed the same loss (largest relative difference {worstLoss:G2}).");
        Console.WriteLine("Bound: for m >= 2 the FMA peak of the vector width the core's products run in here; for m = 1 the rate of " +
            "streaming the G n_a x n_a recurrent weights (GB/s x 2 flops / 8 bytes). GFLOP/s count every product of the pass " +
            "(BenchCase.Flops). At m = 1 a third of them, the weight gradients (k = T), are not bound by the stream, so a row " +
            "can pass 100%; --profile sets the time loop's products alone against it.");
    }
}
