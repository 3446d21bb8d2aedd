using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Ner;

/// <summary>The CRF's forward algorithm, Viterbi and forward-backward gradient against enumeration and central differences.</summary>
public sealed class LinearChainCrfTests(ITestOutputHelper output)
{
    /// <summary>2 tags, 2 steps: u&lt;1&gt; = (1, 0), u&lt;2&gt; = (0, 2), A = [[0.5, -1], [0, 0.25]], start = (0.1, 0), end = (0, -0.3).</summary>
    private static LinearChainCrf TwoByTwo(out double[] u)
    {
        var crf = new LinearChainCrf(2);
        (crf.A[0, 0], crf.A[0, 1], crf.A[1, 0], crf.A[1, 1]) = (0.5, -1, 0, 0.25);
        (crf.Start[0], crf.Start[1], crf.End[0], crf.End[1]) = (0.1, 0, 0, -0.3);
        u = [1, 0, 0, 2];
        return crf;
    }

    [Fact]
    public void Log_Z_of_two_steps_and_two_tags_is_the_log_of_the_four_paths_summed_by_hand()
    {
        var crf = TwoByTwo(out var u);
        // s(0,0) = 0.1 + 1 + 0.5 + 0 + 0      = 1.6
        // s(0,1) = 0.1 + 1 - 1   + 2 - 0.3    = 1.8
        // s(1,0) = 0   + 0 + 0   + 0 + 0      = 0
        // s(1,1) = 0   + 0 + 0.25 + 2 - 0.3   = 1.95
        double[] byHand = [1.6, 1.8, 0, 1.95];
        int[][] paths = [[0, 0], [0, 1], [1, 0], [1, 1]];
        for (int p = 0; p < 4; p++)
        {
            Assert.Equal(byHand[p], crf.Score(u, paths[p]), 12);
        }
        double logZ = Math.Log(Math.Exp(1.6) + Math.Exp(1.8) + Math.Exp(0) + Math.Exp(1.95));
        Assert.Equal(logZ, crf.LogPartition(u), 12);
        Assert.Equal(logZ - 1.8, crf.Loss(u, [0, 1]), 12);
        Assert.Equal([1, 1], crf.Decode(u)); // 1.95 is the best of the four
    }

    [Fact]
    public void Log_Z_of_three_steps_and_three_tags_sums_all_27_paths()
    {
        var crf = Random(3, seed: 4, out var u, steps: 3);
        double z = 0;
        foreach (var path in AllPaths(3, 3))
        {
            z += Math.Exp(crf.Score(u, path));
        }
        Assert.Equal(Math.Log(z), crf.LogPartition(u), 11);
    }

    [Theory]
    [InlineData(1, 1, 3)]
    [InlineData(2, 4, 2)]
    [InlineData(3, 5, 3)]
    [InlineData(4, 3, 4)]
    [InlineData(5, 6, 2)]
    public void Viterbi_finds_the_path_brute_force_finds(int seed, int steps, int nY)
    {
        var crf = Random(nY, seed, out var u, steps);
        var best = AllPaths(steps, nY).MaxBy(p => crf.Score(u, p))!;

        Assert.Equal(best, crf.Decode(u));
    }

    [Fact]
    public void A_huge_emission_score_does_not_overflow_log_Z()
    {
        var crf = new LinearChainCrf(3);
        double[] u = [1000, 0, -1000, 999, 1000, 0];
        Assert.Equal(2000 + Math.Log(1 + Math.Exp(-1)), crf.LogPartition(u), 9); // paths (0,1) and (0,0) dominate; the rest are e^-1000
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 5)]
    public void The_forward_backward_gradient_matches_central_differences(int seed, int steps)
    {
        var crf = Random(4, seed, out var u, steps);
        var tags = Enumerable.Range(0, steps).Select(t => (t * 3 + seed) % 4).ToArray();
        var du = new double[u.Length];
        crf.ClearGradients();
        double loss = crf.Backward(u, tags, weight: 0.5, du);
        double L() => 0.5 * crf.Loss(u, tags);

        Assert.Equal(crf.Loss(u, tags), loss, 12);
        var results = new[] { GradientCheck.Compare("u", u, du, L) }
            .Concat(GradientCheck.Run(crf.Tensors, crf.GradientTensors, L)).ToList();
        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-6} {r.Count,3} values  relative error {r.RelativeError:G2}  |analytic| {r.AnalyticNorm:G3}");
        }
        Assert.Equal(["u", "A", "start", "end"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-7, r.ToString()));
        Assert.All(results, r => Assert.True(r.Name == "A" && steps == 1 ? r.AnalyticNorm == 0 : r.AnalyticNorm > 1e-3, $"{r.Name}: {r}")); // one step has no transition
    }

    [Fact]
    public void The_marginals_behind_the_gradient_sum_to_one_per_step()
    {
        var crf = Random(3, seed: 9, out var u, steps: 4);
        var du = new double[u.Length];
        crf.ClearGradients();
        crf.Backward(u, [0, 1, 2, 0], weight: 1, du);
        for (int t = 0; t < 4; t++)
        {
            Assert.Equal(0, du[(t * 3)..(t * 3 + 3)].Sum(), 12); // sum_k p(y<t> = k) - 1
        }
        Assert.Equal(0, crf.dA.Data.Sum(), 12); // 3 transitions: the pairwise marginals sum to 3, minus 3 gold counts
    }

    [Fact]
    public void Bad_inputs_are_named()
    {
        var crf = new LinearChainCrf(3);
        Assert.Contains("n_y = 3", Assert.Throws<ArgumentException>(() => crf.LogPartition(new double[4])).Message);
        Assert.Contains("u<2>[0]", Assert.Throws<ArgumentException>(() => crf.LogPartition([0, 0, 0, double.NaN, 0, 0])).Message);
        Assert.Contains("step 2", Assert.Throws<ArgumentOutOfRangeException>(() => crf.Score(new double[6], [0, 3])).Message);
        Assert.Contains("1 tags for T = 2", Assert.Throws<ArgumentException>(() => crf.Score(new double[6], [0])).Message);
    }

    private static LinearChainCrf Random(int nY, int seed, out double[] u, int steps)
    {
        var random = new Random(seed);
        var crf = new LinearChainCrf(nY);
        foreach (var p in crf.Tensors)
        {
            for (int i = 0; i < p.Values.Length; i++)
            {
                p.Values[i] = random.NextDouble() * 2 - 1;
            }
        }
        u = Enumerable.Range(0, steps * nY).Select(_ => random.NextDouble() * 4 - 2).ToArray();
        return crf;
    }

    private static IEnumerable<int[]> AllPaths(int steps, int nY)
    {
        int count = (int)Math.Pow(nY, steps);
        for (int code = 0; code < count; code++)
        {
            var path = new int[steps];
            for (int t = 0, rest = code; t < steps; t++, rest /= nY)
            {
                path[t] = rest % nY;
            }
            yield return path;
        }
    }
}
