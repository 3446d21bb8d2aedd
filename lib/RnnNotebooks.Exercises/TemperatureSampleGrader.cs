namespace RnnNotebooks.Exercises;

/// <summary>
/// Grades a <see cref="TemperatureSampleFunction"/> against <see cref="Sampler.SampleLogits"/>: for each draw, u is the
/// first uniform number of the seed the library's sampler is given, so both draw with the same u.
/// </summary>
internal static class TemperatureSampleGrader
{
    /// <summary>How many draws each case makes.</summary>
    private const int Draws = 40;

    /// <summary>(n_y, T, seed) of each case; T = 0 is the argmax.</summary>
    private static readonly (int nY, double T, int Seed)[] Cases = [(5, 1.0, 1), (7, 0.5, 2), (6, 2.0, 3), (5, 0.0, 4)];

    public static (bool, string) Grade(TemperatureSampleFunction sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nY, T, seed) = Cases[k];
            var z = Algebra.Random(nY, 1, new Random(seed), scale: 2.0).Data;
            string where = $"case {k + 1} of {Cases.Length}: n_y = {nY}, T = {T}, z = [{string.Join(", ", z.Select(Comparison.Number))}]";
            var u = new double[Draws];
            var expected = new int[Draws];
            for (int d = 0; d < Draws; d++)
            {
                int drawSeed = 1000 * seed + d;
                u[d] = Seeds.Random(drawSeed).NextDouble();                                   // the u the library's sampler draws
                expected[d] = T == 0 ? ArgMax(z) : new Sampler(drawSeed).SampleLogits(z, T);
            }
            var got = new int[Draws];
            for (int d = 0; d < Draws; d++)
            {
                got[d] = Attempt.Call(() => sample((double[])z.Clone(), T, u[d]), $"draw {d}, u = {Comparison.Number(u[d])}, {where}");
            }
            int first = Enumerable.Range(0, Draws).FirstOrDefault(d => got[d] != expected[d], -1);
            if (first >= 0)
            {
                string what = T == 0 ? $"; expected {expected[first]}, the argmax of z (T = 0 is the limit T → 0)" : $"; expected {expected[first]}";
                string cause = Suspects(z, T, u).FirstOrDefault(s => s.Wrong.SequenceEqual(got)).Cause is { } c ? $" It looks as if {c}." : "";
                return (false, $"draw {first} (u = {Comparison.Number(u[first])}) gave index {got[first]}{what} ({where}).{cause}");
            }
        }
        return (true, $"the indices drawn agree with Sampler.SampleLogits for {Draws} values of u in each of {Cases.Length} cases (T = 0.5, 1, 2, and 0 as the argmax).");
    }

    /// <summary>The usual wrong draws, each for every u.</summary>
    private static (string Cause, int[] Wrong)[] Suspects(double[] z, double T, double[] u)
    {
        int[] With(Func<double, int> draw) => u.Select(draw).ToArray();
        (string, int[]) noTemperature = ("the temperature is missing: p = softmax(z / T), not softmax(z)", With(v => InverseCdf(z, 1, v, false)));
        return T == 0
            ? [("T = 0 was sampled as T = 1: at T = 0 return the argmax of z", noTemperature.Item2)]
            :
            [
                noTemperature,
                ("z was multiplied by T: p = softmax(z / T)", With(v => InverseCdf(z, 1 / T, v, false))),
                ("the cumulative sum ran from the last index: the index is the first i with u < p_0 + ... + p_i", With(v => InverseCdf(z, T, v, true))),
                ("the index is always the argmax: sample by the inverse CDF for T > 0; only T = 0 is the argmax", With(_ => ArgMax(z))),
            ];
    }

    /// <summary>The first i with u &lt; p_0 + ... + p_i for p = softmax(z / T), counting from the end when <paramref name="reversed"/>.</summary>
    private static int InverseCdf(double[] z, double T, double u, bool reversed)
    {
        var p = z.Select(v => v / T).ToArray();
        Activations.Apply(Activation.Softmax, p, p.Length, 1);
        double sum = 0;
        for (int n = 0; n < p.Length; n++)
        {
            int i = reversed ? p.Length - 1 - n : n;
            sum += p[i];
            if (u < sum)
            {
                return i;
            }
        }
        return reversed ? 0 : p.Length - 1;
    }

    private static int ArgMax(double[] z) => Array.IndexOf(z, z.Max());
}
