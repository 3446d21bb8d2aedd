namespace RnnNotebooks.Benchmarks;

/// <summary>
/// <c>--profile</c>: for each model and size, the core's forward + loss + BPTT split into <see cref="Part"/>s by a
/// <see cref="PassReplay"/>, timed in rounds interleaved with the model's own pass (the same one the benchmark times),
/// medians of each; the products and the weight gradients also as GFLOP/s and as a share of their bound.
/// </summary>
internal static class ProfileRun
{
    /// <summary>Profiles every case of the options; returns 0.</summary>
    public static int Run(BenchOptions options, MachineLimits limits)
    {
        double overhead = PartClock.CalibrateOverhead();
        var rows = new List<PartTimes>();
        foreach (string model in options.Models)
        {
            foreach (int nA in options.Sizes)
            {
                foreach (int m in options.Batches)
                {
                    var times = Measure(new BenchCase(model, nA, m), options, overhead);
                    rows.Add(times);
                    Console.Error.WriteLine($"  {model} n_a={nA} m={m}: model {times.ModelMicroseconds:F0} us, parts {times.Sum:F0} us");
                }
            }
        }
        Print(rows, limits, overhead);
        return 0;
    }

    private static PartTimes Measure(BenchCase c, BenchOptions options, double overhead)
    {
        var replay = PassReplay.For(c);
        bool matches = replay.MatchesModel();
        var core = c.Core(c.T);
        var clock = new PartClock();
        Stopwatches.WarmUp(() => core(), options.Quick ? 300 : 1500);
        Stopwatches.WarmUp(() => { clock.Reset(); replay.Run(clock); }, options.Quick ? 300 : 1500);
        var parts = Enum.GetValues<Part>().ToDictionary(p => p, _ => new List<double>());
        var model = new List<double>();
        int scopes = 0;
        for (int round = 0; round < options.Rounds; round++)
        {
            Stopwatches.Time(() => core(), c.Iterations, model);
            for (int i = 0; i < c.Iterations; i++)
            {
                clock.Reset();
                replay.Run(clock);
                foreach (var (part, list) in parts)
                {
                    list.Add(clock.Microseconds(part, overhead));
                }
                scopes = Enum.GetValues<Part>().Sum(clock.Scopes);
            }
        }
        return new PartTimes(c, parts.ToDictionary(kv => kv.Key, kv => Stopwatches.Median(kv.Value)), Stopwatches.Median(model), scopes, matches);
    }

    private static void Print(List<PartTimes> rows, MachineLimits limits, double overhead)
    {
        Console.WriteLine("| model | n_a | m | model pass (us) | sum of parts (us) | products | gate code | copies | weight gradients | checks | " +
            "products GFLOP/s (% of bound) | weight gradients GFLOP/s (% of peak) | replay = model |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var r in rows)
        {
            var c = r.Case;
            var productBound = c.m == 1 ? limits.Stream(c.Gates, c.nA) : limits.Compute(c.m);
            var gradientBound = limits.Compute(c.nA);
            Console.WriteLine($"| {c.Model} | {c.nA} | {c.m} | {r.ModelMicroseconds:F0} | {r.Sum:F0} | {r.Cell(Part.Products)} | {r.Cell(Part.GateCode)} | " +
                $"{r.Cell(Part.Copies)} | {r.Cell(Part.WeightGradients)} | {r.Cell(Part.Checks)} | " +
                $"{r.ProductGflops:F1} ({productBound.PercentOf(r.ProductGflops):F0}% of {productBound}) | " +
                $"{r.WeightGradientGflops:F1} ({gradientBound.PercentOf(r.WeightGradientGflops):F0}% of {gradientBound}) | {(r.MatchesModel ? "yes" : "NO")} |");
        }
        double nanoseconds = overhead * 1e9 / System.Diagnostics.Stopwatch.Frequency;
        Console.WriteLine($"""

            Method: each pass is replayed call by call with the library's own internal calls on the model's own cache,
            workspace and gradients (Profile/PassReplay.cs mirrors Rnn.cs and RecurrentLayer.cs), each call timed with Stopwatch
            timestamps and charged to its part; {rows.Max(r => r.ScopesPerPass)} timed calls a pass at most, each less the
            {nanoseconds:F0} ns an empty timed scope costs here. The GRU/LSTM forward cell step does its product and its gate
            code in one call: it is timed whole, and its bias-plus-product (baa + Waa a, the accumulators starting from the
            bias) is timed again on its own (same shapes, right after) and moved out of gate code. Percentages are of the sum of parts; "model pass" is the model's
            own Forward + Loss + Backward timed whole in the same rounds, so the two columns show what the timing costs or
            misses. Products: Waa a, Wya a, Wya^T dz_y, Waa^T dG in the time loop (bound: the weight stream at m = 1, the
            FMA peak of the path at m >= 2). Weight gradients: dWaa, dWya as one product each over T m columns, bias row
            sums, the one-hot dWax scatter (bound: the FMA peak of the path for n_a columns). "replay = model": the replay
            leaves the gradients the model's own pass leaves, bit for bit (NO: the library changed; update Profile/).
            """);
    }
}
