namespace RnnNotebooks.Exercises;

/// <summary>What the GRU and LSTM graders share: the cases, random parameters, and names for the rows of stacked gate blocks.</summary>
internal static class GatedCases
{
    /// <summary>(n_a, n_x, m, seed) of each case: odd and even sizes, square and non-square Wax blocks, m &gt; 1.</summary>
    public static readonly (int nA, int nX, int m, int Seed)[] Cases = [(2, 3, 2, 1), (3, 5, 3, 2), (5, 2, 5, 3)];

    /// <summary>"case k of K: n_a = .., n_x = .., m = .., seed .." for case <paramref name="k"/> (0-based).</summary>
    public static string Where(int k)
    {
        var (nA, nX, m, seed) = Cases[k];
        return $"case {k + 1} of {Cases.Length}: n_a = {nA}, n_x = {nX}, m = {m}, seed {seed}";
    }

    /// <summary>
    /// Case <paramref name="k"/> (0-based) for G gates: random parameters, a&lt;t-1&gt;, x&lt;t&gt; and dL/da&lt;t&gt;, the generator
    /// for anything more (an LSTM's c&lt;t-1&gt;), and the case's description for messages.
    /// </summary>
    public static (RecurrentParameters p, Matrix aPrev, Matrix x, Matrix da, Random Random, string Where) Draw(int k, int gates)
    {
        var (nA, nX, m, seed) = Cases[k];
        var random = new Random(seed);
        var p = RandomParameters(gates, nA, nX, random);
        return (p, Algebra.Random(nA, m, random), Algebra.Random(nX, m, random), Algebra.Random(nA, m, random), random, Where(k));
    }

    /// <summary>G gate blocks with every weight and bias uniform in (-1, 1), and no output layer (n_y = 0).</summary>
    public static RecurrentParameters RandomParameters(int gates, int nA, int nX, Random random)
    {
        var p = new RecurrentParameters(RecurrentLayers.CellWithGates(gates), nX, nA, 0);
        p.Wax.CopyFrom(Algebra.Random(gates * nA, nX, random));
        p.Waa.CopyFrom(Algebra.Random(gates * nA, nA, random));
        Algebra.Random(gates * nA, 1, random).Data.CopyTo(p.Bax, 0);
        Algebra.Random(gates * nA, 1, random).Data.CopyTo(p.Baa, 0);
        return p;
    }

    /// <summary>Names row i of a stacked (G n_a, ·) matrix such as dWax: "gate z, unit 1".</summary>
    public static Func<int, int, string> Rows(string[] gates, int nA) => (row, _) => Gate(gates, nA, row);

    /// <summary>Names entry i of a stacked (G n_a) vector such as dbax: "gate z, unit 1".</summary>
    public static Func<int, string> Entries(string[] gates, int nA) => i => Gate(gates, nA, i);

    /// <summary>Block <paramref name="gate"/> of a stacked (G n_a, m) matrix: rows gate n_a .. (gate + 1) n_a - 1.</summary>
    public static Matrix Block(Matrix stacked, int gate, int nA) => Algebra.Rows(stacked, gate * nA, nA);

    private static string Gate(string[] gates, int nA, int row) => $"gate {gates[row / nA]}, unit {row % nA}";
}
