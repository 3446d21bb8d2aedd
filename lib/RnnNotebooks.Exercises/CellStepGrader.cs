namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="CellStepFunction"/>: a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba).</summary>
internal static class CellStepGrader
{
    /// <summary>(n_a, n_x, m, seed) of each case: square and non-square Wax, m &gt; 1.</summary>
    public static readonly (int nA, int nX, int m, int Seed)[] Cases = [(2, 3, 2, 1), (3, 4, 5, 2), (5, 2, 3, 3), (4, 4, 2, 4)];

    public static (bool, string) Grade(CellStepFunction step)
    {
        ArgumentNullException.ThrowIfNull(step);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nA, nX, m, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: n_a = {nA}, n_x = {nX}, m = {m}, seed {seed}";
            var random = new Random(seed);
            var p = RandomParameters(nA, nX, random);
            var aPrev = Algebra.Random(nA, m, random);
            var x = Algebra.Random(nX, m, random);
            var expected = new Matrix(nA, m);
            RnnCell.Step(p, Activation.Tanh, aPrev, x, expected);
            var got = Attempt.Call(() => step(p.Waa.Clone(), p.Wax.Clone(), (double[])p.Ba.Clone(), aPrev.Clone(), x.Clone()), where);
            if (Comparison.Problem("a<t>", got, expected, "(n_a, m)", where, Suspects(p, aPrev, x)) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"a<t> agrees with RnnCell.Step on {Cases.Length} random cases (n_a from 2 to 5, m from 2 to 5).");
    }

    /// <summary>Waa, Wax, ba uniform in (-1, 1); Wya and by unused (n_y = 1).</summary>
    public static RecurrentParameters RandomParameters(int nA, int nX, Random random)
    {
        var p = new RecurrentParameters(RecurrentCell.Rnn, nX, nA, 1);
        p.Waa.CopyFrom(Algebra.Random(nA, nA, random));
        p.Wax.CopyFrom(Algebra.Random(nA, nX, random));
        Algebra.Random(nA, 1, random).Data.CopyTo(p.Ba, 0);
        return p;
    }

    /// <summary>The usual wrong steps from a&lt;t-1&gt;: each term left out, and no tanh.</summary>
    public static Suspect[] Suspects(RecurrentParameters p, Matrix aPrev, Matrix x)
    {
        var waaA = Algebra.Product(p.Waa, aPrev);
        var waxX = Algebra.Product(p.Wax, x);
        var bias = Bias(p.Ba, aPrev.Cols);
        return
        [
            new("the recurrent term Waa a<t-1> is missing", Algebra.Map(Sum(waxX, bias), Math.Tanh)),
            new("the input term Wax x<t> is missing", Algebra.Map(Sum(waaA, bias), Math.Tanh)),
            new("the bias ba is missing", Algebra.Map(Sum(waaA, waxX), Math.Tanh)),
            new("tanh is missing: a<t> = z<t> instead of tanh(z<t>)", Sum(Sum(waaA, waxX), bias)),
        ];
    }

    private static Matrix Sum(Matrix u, Matrix v) => new(u.Rows, u.Cols, u.Data.Zip(v.Data, (p, q) => p + q).ToArray());

    private static Matrix Bias(double[] ba, int m)
    {
        var b = new Matrix(ba.Length, m);
        for (int i = 0; i < ba.Length; i++)
        {
            for (int j = 0; j < m; j++)
            {
                b[i, j] = ba[i];
            }
        }
        return b;
    }
}
