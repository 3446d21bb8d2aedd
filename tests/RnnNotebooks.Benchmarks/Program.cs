using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RnnNotebooks;
using RnnNotebooks.Benchmarks;
using RnnNotebooks.Torch;

// Forward + BPTT of the note's RNN, GRU and LSTM, T = 100, one-hot n_x = n_y = 27, float64, one thread on each side:
// RnnNotebooks' core against TorchSharp nn.RNN / nn.GRU / nn.LSTM + Linear + cross_entropy with the same weights, timed in
// interleaved rounds in one process (not BenchmarkDotNet: its separate runs would not give the ratio under the
// same conditions, which is what a machine shared with other builds can measure). Each row's GFLOP/s is also set against
// the limits of this core measured in the same run (MachineLimits). Options: BenchOptions.Usage, or --help.
// [--isa] runs the command once per instruction set this CPU has (IsaRuns); [--profile] splits the core's time (ProfileRun);
// [--tagger]: instead, one training epoch of notebook 04's bidirectional tagger on the bundled set, core against TorchNerTagger.
var options = BenchOptions.Parse(args);
if (options.Help)
{
    Console.WriteLine(BenchOptions.Usage);
    return 0;
}
if (options.Isa)
{
    return IsaRuns.Run(args);
}

string machine = $"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"AVX-512 {(Vector512.IsHardwareAccelerated ? "yes" : "no")}, Vector<double>.Count {Vector<double>.Count}" +
    (File.Exists("/proc/loadavg") ? $", load average {string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ')[..3])}" : "");
if (options.Profile)
{
    Console.WriteLine($"# Where the core's forward + BPTT time goes, float64\n{machine}\n{CorePaths.Describe()}");
    Console.WriteLine($"T = 100, one-hot n_x = n_y = 27; medians of {options.Rounds} interleaved rounds\n");
    return ProfileRun.Run(options, Limits(options));
}

var load = TorchSetup.EnsureLoaded();
Console.WriteLine($"# RnnNotebooks vs TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch), float64");
Console.WriteLine($"{machine}, core kernel {Blas.Kernel.ToString().ToLowerInvariant()} (RNNNOTEBOOKS_KERNEL), " +
    $"torch threads {TorchSharp.torch.get_num_threads()}, first torch call {load.TotalTime.TotalMilliseconds:F0} ms\n{CorePaths.Describe()}");
Console.WriteLine($"T = 100, one-hot n_x = n_y = 27; medians of {options.Rounds} interleaved rounds\n");

if (options.Tagger)
{
    TaggerEpoch.Run(options.Rounds);
    return 0;
}

var limits = Limits(options);
var results = new List<BenchResult>();
foreach (string model in options.Models)
{
    foreach (int nA in options.Sizes)
    {
        foreach (int m in options.Batches)
        {
            var c = new BenchCase(model, nA, m);
            var result = Measure(c, options.Rounds, options.Quick, limits.For(c));
            results.Add(result);
            Console.Error.WriteLine($"  {model} n_a={nA} m={m}: core {result.CoreMicroseconds:F0} us, torch {result.TorchMicroseconds:F0} us");
        }
    }
}
BenchTable.Print(results);
return results.All(r => r.Ratio <= r.Target) ? 0 : 1;

// The peaks of every width and the stream of every model's recurrent weights, before the rows: the best of many short runs
// (3 ms each, at least 15), so that on a shared machine some of them run uninterrupted.
static MachineLimits Limits(BenchOptions options)
{
    var weights = options.Models.SelectMany(model => options.Sizes.Select(nA => (new BenchCase(model, nA, 1).Gates, nA)));
    var limits = MachineLimits.Measure(weights, Math.Max(15, 3 * options.Rounds), 3);
    limits.Print();
    return limits;
}

static BenchResult Measure(BenchCase c, int rounds, bool quick, Bound bound)
{
    var core = c.Core(c.T);
    double coreLoss = core();
    var (owner, torchRun) = c.Torch();
    using var _ = owner;
    double torchLoss = torchRun();
    Stopwatches.WarmUp(() => core(), quick ? 300 : 1500);
    Stopwatches.WarmUp(() => torchRun(), quick ? 300 : 1500);
    var coreTimes = new List<double>();
    var torchTimes = new List<double>();
    int iterations = c.Iterations;
    for (int round = 0; round < rounds; round++)
    {
        Stopwatches.Time(() => coreLoss = core(), iterations, coreTimes);
        Stopwatches.Time(() => torchLoss = torchRun(), iterations, torchTimes);
    }
    return new BenchResult(c, Stopwatches.Median(coreTimes), Stopwatches.Median(torchTimes), BytesPerStep(c),
        Math.Abs(coreLoss - torchLoss) / Math.Abs(torchLoss), bound);
}

// Allocation of a T = 200 pass minus a T = 100 pass, over 100 steps: what the time loop itself allocates.
// Each is the least of three runs, so that a JIT recompiling a method on this thread is not counted.
static long BytesPerStep(BenchCase c)
{
    long Least(int steps) => Enumerable.Range(0, 3).Min(_ => Bytes(steps));
    long Bytes(int steps)
    {
        var run = c.Core(steps);
        long before = GC.GetAllocatedBytesForCurrentThread();
        run();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
    return (Least(2 * c.T) - Least(c.T)) / c.T;
}
