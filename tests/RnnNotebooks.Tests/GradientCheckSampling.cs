using CsCheck;
using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Runs a gradient check over random problems, failing on the first result at or above the tolerance.</summary>
internal static class GradientCheckSampling
{
    /// <returns>How many problems ran, and the worst relative error with the problem and tensor it came from.</returns>
    public static (int Problems, double Worst, string WorstCase) Worst<T>(Gen<T> problems, Func<T, IEnumerable<GradientCheckResult>> check,
        double tolerance, int iter, string seed)
    {
        double worst = 0;
        string worstCase = "";
        int count = 0;
        problems.Sample(problem =>
        {
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
        }, iter: iter, threads: 1, seed: seed);
        return (count, worst, worstCase);
    }
}
