using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using RnnNotebooks;
using RnnNotebooks.Benchmarks;
using RnnNotebooks.Torch;

// Forward + BPTT of the note's RNN, GRU and LSTM, T = 100, one-hot n_x = n_y = 27, float64, one thread on each side:
// RnnNotebooks' core against TorchSharp nn.RNN / nn.GRU / nn.LSTM + Linear + cross_entropy with the same weights, timed in
// interleaved rounds in one process (not BenchmarkDotNet: its separate runs would not give the ratio under the
// same conditions, which is what a machine shared with other builds can measure). Usage: [--quick] [--rounds N] [--models rnn,gru,lstm] [--sizes 16,64,256] [--batches 1,32]
// [--tagger]: instead, one training epoch of notebook 04's bidirectional tagger on the bundled set, core against TorchNerTagger.
bool quick = args.Contains("--quick");
int rounds = Option("--rounds", quick ? 3 : 9);
int[] sizes = List("--sizes", [16, 64, 256]);
int[] batches = List("--batches", [1, 32]);
string[] models = Names("--models", ["rnn"]);

var load = TorchSetup.EnsureLoaded();
Console.WriteLine($"# RnnNotebooks vs TorchSharp {typeof(TorchSharp.torch).Assembly.GetName().Version} (libtorch), float64");
Console.WriteLine($"{RuntimeInformation.OSDescription}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
    $"AVX-512 {(Vector512.IsHardwareAccelerated ? "yes" : "no")}, Vector<double>.Count {Vector<double>.Count}, " +
    $"core kernel {Blas.Kernel.ToString().ToLowerInvariant()} (RNNNOTEBOOKS_KERNEL), torch threads {TorchSharp.torch.get_num_threads()}, " +
    $"first torch call {load.TotalTime.TotalMilliseconds:F0} ms");
Console.WriteLine($"T = 100, one-hot n_x = n_y = 27; medians of {rounds} interleaved rounds\n");

if (args.Contains("--tagger"))
{
    TaggerEpoch.Run(rounds);
    return 0;
}

var results = new List<BenchResult>();
foreach (string model in models)
{
    foreach (int nA in sizes)
    {
        foreach (int m in batches)
        {
            var result = Measure(new BenchCase(model, nA, m), rounds, quick);
            results.Add(result);
            Console.Error.WriteLine($"  {model} n_a={nA} m={m}: core {result.CoreMicroseconds:F0} us, torch {result.TorchMicroseconds:F0} us");
        }
    }
}

Console.WriteLine("| model | n_a | m | RnnNotebooks (us) | TorchSharp (us) | ratio | target | GFLOP/s core | GFLOP/s torch | bytes allocated per step |");
Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
foreach (var r in results)
{
    string verdict = r.Ratio <= r.Target ? "met" : "MISSED";
    Console.WriteLine($"| {r.Case.Model} | {r.Case.nA} | {r.Case.m} | {r.CoreMicroseconds:F0} | {r.TorchMicroseconds:F0} | {r.Ratio:F2} | <= {r.Target:F1} {verdict} | " +
        $"{r.CoreGflops:F1} | {r.TorchGflops:F1} | {r.BytesPerStep} |");
}
double worstLoss = results.Max(r => r.LossDifference);
Console.WriteLine($"\nBoth sides computed the same loss (largest relative difference {worstLoss:G2}).");
return results.All(r => r.Ratio <= r.Target) ? 0 : 1;

static BenchResult Measure(BenchCase c, int rounds, bool quick)
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
    int iterations = Math.Clamp((int)(200_000 / Math.Max(1, c.Flops / 2e4)), 3, 200);
    for (int round = 0; round < rounds; round++)
    {
        Stopwatches.Time(() => coreLoss = core(), iterations, coreTimes);
        Stopwatches.Time(() => torchLoss = torchRun(), iterations, torchTimes);
    }
    return new BenchResult(c, Stopwatches.Median(coreTimes), Stopwatches.Median(torchTimes), BytesPerStep(c),
        Math.Abs(coreLoss - torchLoss) / Math.Abs(torchLoss));
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

int Option(string name, int fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out int v) ? v : fallback;
}

int[] List(string name, int[] fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',').Select(int.Parse).ToArray() : fallback;
}

string[] Names(string name, string[] fallback)
{
    int i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1].Split(',') : fallback;
}
