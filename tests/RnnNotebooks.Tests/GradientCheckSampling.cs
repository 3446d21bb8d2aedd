using CsCheck;
using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Runs a gradient check over random problems (the same ones every run), failing on the first result at or above the tolerance.</summary>
internal static class GradientCheckSampling
{
    /// <returns>How many problems ran, and the worst relative error with the problem and tensor it came from.</returns>
    public static (int Problems, double Worst, string WorstCase) Worst<T>(Gen<T> problems, Func<T, IEnumerable<GradientCheckResult>> check,
        double tolerance, int iter, string seed)
    {
        double worst = 0;
        string worstCase = "";
        int count = 0;
        // The same problems every run: CsCheck's Sample draws only its first problem from the seed and the rest at random,
        // so a rare case (a ReLU kink within epsilon of a pre-activation) came and went between runs.
        var pcg = PCG.Parse(seed);
        for (int i = 0; i < iter; i++)
        {
            var problem = problems.Generate(pcg, null, out _);
            count++;
            foreach (var r in check(problem))
            {
                if (!(r.RelativeError < tolerance))
                {
                    throw new Xunit.Sdk.XunitException($"{problem}: {r.Name} relative error {r.RelativeError:G3} (max |d| {r.MaxAbsoluteDifference:G3})");
                }
                if (r.RelativeError > worst)
                {
                    (worst, worstCase) = (r.RelativeError, $"{problem}: {r.Name}");
                }
            }
        }
        return (count, worst, worstCase);
    }
}
