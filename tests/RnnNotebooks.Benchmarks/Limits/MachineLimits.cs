namespace RnnNotebooks.Benchmarks;

/// <summary>
/// The limits of this core in this process, measured in the same run as the benchmark: the fused multiply-add peak of
/// every vector width the process accelerates (<see cref="FmaPeak"/>), and the rate at which a matrix-vector product
/// streams each weight matrix the benchmark multiplies (<see cref="WeightStream"/>: the G n_a x n_a recurrent weights
/// of every model and size). Each is the best of the rounds, which interleave all of them.
/// </summary>
internal sealed class MachineLimits
{
    private readonly Dictionary<Width, double> peaks = [];
    private readonly Dictionary<(int Gates, int nA), (long Bytes, double GBps)> streams = [];

    private MachineLimits(int rounds) => Rounds = rounds;

    /// <summary>How many rounds each limit is the best of.</summary>
    public int Rounds { get; }

    /// <summary>Measures the peaks and the streams of the (G, n_a) weight matrices in <paramref name="weights"/>.</summary>
    /// <param name="weights">G (1 RNN, 3 GRU, 4 LSTM) and n_a of each matrix to stream.</param>
    /// <param name="rounds">Rounds; each limit is the best of them.</param>
    /// <param name="milliseconds">The length of one timed run.</param>
    public static MachineLimits Measure(IEnumerable<(int Gates, int nA)> weights, int rounds, double milliseconds)
    {
        var limits = new MachineLimits(rounds);
        var widths = Widths.Accelerated.ToArray();
        var steps = widths.ToDictionary(w => w, w => FmaPeak.StepsFor(w, milliseconds));
        var matrices = weights.Distinct().ToDictionary(g => g, g => new WeightStream(g.Gates * g.nA, g.nA));
        var passes = matrices.ToDictionary(kv => kv.Key, kv => kv.Value.PassesFor(milliseconds));
        for (int round = 0; round < rounds; round++)
        {
            foreach (var width in widths)
            {
                limits.peaks[width] = Math.Max(limits.peaks.GetValueOrDefault(width), FmaPeak.Run(width, steps[width]));
            }
            foreach (var (key, matrix) in matrices)
            {
                double best = Math.Max(limits.streams.GetValueOrDefault(key).GBps, matrix.Run(passes[key]));
                limits.streams[key] = (matrix.Bytes, best);
            }
        }
        return limits;
    }

    /// <summary>The FMA peak of a width this process accelerates, in GFLOP/s.</summary>
    public double Peak(Width width) => peaks[width];

    /// <summary>The compute bound of a product with <paramref name="columns"/> ≥ 2 columns: the peak of the width the core runs it in.</summary>
    public Bound Compute(int columns)
    {
        var width = CorePaths.ForColumns(columns);
        return new Bound(Peak(width), $"{Widths.Name(width)} FMA");
    }

    /// <summary>The memory bound of a product with one column over the (G n_a, n_a) weights: GB/s x 2 flops / 8 bytes.</summary>
    public Bound Stream(int gates, int nA)
    {
        var (bytes, gbPerS) = streams[(gates, nA)];
        return new Bound(gbPerS / 4.0, $"stream {Size(bytes)}");
    }

    /// <summary>The bound that applies to a benchmark row: streaming the weights at m = 1, the compute peak of its path for m ≥ 2.</summary>
    public Bound For(BenchCase c) => c.m == 1 ? Stream(c.Gates, c.nA) : Compute(c.m);

    /// <summary>Prints both tables.</summary>
    public void Print()
    {
        Console.WriteLine($"Limits of this core, measured in this run (best of {Rounds} interleaved rounds):\n");
        Console.WriteLine($"| fused multiply-add peak ({FmaPeak.Chains} chains in registers) | GFLOP/s |");
        Console.WriteLine("|---|---:|");
        foreach (var (width, gflops) in peaks)
        {
            Console.WriteLine($"| {Widths.NameWithFma(width)} | {gflops:F1} |");
        }
        if (!Hardware.HasFusedMultiplyAdd)
        {
            Console.WriteLine("\nThis process has no fused multiply-add instruction: the canonical arithmetic's fused multiply-adds are " +
                "emulated in software, so those peaks are far below the hardware's; the stream below multiplies and adds separately.");
        }
        Console.WriteLine($"\n| weights streamed (Σ_i W[i, :] · x in {Widths.Name(Widths.Widest)}) | size | GB/s | bound at m = 1 (GFLOP/s) |");
        Console.WriteLine("|---|---:|---:|---:|");
        foreach (var ((gates, nA), (bytes, gbPerS)) in streams)
        {
            Console.WriteLine($"| G = {gates}, n_a = {nA}: {gates * nA} x {nA} | {Size(bytes)} | {gbPerS:F1} | {gbPerS / 4.0:F1} |");
        }
        Console.WriteLine();
    }

    /// <summary>"2 KB", "1.5 MB".</summary>
    private static string Size(long bytes) => bytes < 1 << 20 ? $"{bytes / 1024.0:0.#} KB" : $"{bytes / 1048576.0:0.#} MB";
}
