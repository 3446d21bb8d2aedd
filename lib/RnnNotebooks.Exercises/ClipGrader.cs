namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="ClipFunction"/> against <see cref="GradientClipping.ByGlobalNorm"/>.</summary>
internal static class ClipGrader
{
    /// <summary>Each case: the global norm as a multiple of maxNorm, and the seed. Below 1 nothing changes; in the
    /// 1.5 case every gradient alone is under maxNorm, so clipping each by its own norm changes nothing.</summary>
    private static readonly (double Scale, int Seed)[] Cases = [(3.0, 1), (0.5, 2), (1.5, 3)];

    public static (bool, string) Grade(ClipFunction clip)
    {
        ArgumentNullException.ThrowIfNull(clip);
        const double maxNorm = 5.0;
        for (int k = 0; k < Cases.Length; k++)
        {
            var (scale, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: 3 gradients, global norm {scale} × maxNorm = {scale * maxNorm}, maxNorm = {maxNorm}";
            var gradients = RandomGradients(new Random(seed), scale * maxNorm);
            var expected = gradients.Select(g => g.Clone()).ToArray();
            GradientClipping.ByGlobalNorm(expected.Select((g, i) => new ParameterView($"g{i}", g.Data, g.Rows, g.Cols)).ToList(), maxNorm);
            var got = Attempt.Call(() => clip(gradients.Select(g => g.Clone()).ToArray(), maxNorm), where);
            if (Problem(got, expected, gradients, maxNorm, where) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"the clipped gradients agree with GradientClipping.ByGlobalNorm on {Cases.Length} cases (global norm above, below and between the per-gradient norms).");
    }

    private static string? Problem(Matrix[]? got, Matrix[] expected, Matrix[] original, double maxNorm, string where)
    {
        if (got is null || got.Length != expected.Length)
        {
            return $"the function returned {(got is null ? "null" : got.Length + " gradients")}; expected the {expected.Length} gradients, clipped ({where}).";
        }
        var perTensor = original.Select(g => ScaledTo(g, maxNorm)).ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            var suspects = new[]
            {
                new Suspect("each gradient was clipped by its own norm: scale all of them by the same maxNorm / ‖g‖, with ‖g‖ over every gradient", perTensor[i]),
                new Suspect("nothing was clipped although the global norm exceeds maxNorm", original[i]),
            };
            if (Comparison.Problem($"gradient {i}", got[i], expected[i], $"(its shape)", where, suspects) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    private static Matrix ScaledTo(Matrix g, double maxNorm)
    {
        double norm = Checks.Norm(g);
        return norm > maxNorm ? Algebra.Map(g, v => v * maxNorm / norm) : g.Clone();
    }

    /// <summary>Three gradients of different shapes, scaled so that their global norm is <paramref name="globalNorm"/>.</summary>
    private static Matrix[] RandomGradients(Random random, double globalNorm)
    {
        Matrix[] gradients = [Algebra.Random(3, 3, random), Algebra.Random(3, 4, random), Algebra.Random(2, 3, random)];
        double norm = Checks.Norm(gradients.SelectMany(g => g.Data));
        return gradients.Select(g => Algebra.Map(g, v => v * globalNorm / norm)).ToArray();
    }
}
