namespace RnnNotebooks.Exercises;

/// <summary>Grades an <see cref="EmbeddingBackwardFunction"/> against <see cref="Embedding.Backward"/> and central differences.</summary>
internal static class EmbeddingBackwardGrader
{
    /// <summary>(n_e, V, Tx, m, seed) of each case: Tx m &gt; V, so some ids repeat, within a step and across steps.</summary>
    private static readonly (int nE, int V, int Tx, int m, int Seed)[] Cases = [(3, 4, 3, 5, 1), (2, 7, 4, 3, 2), (5, 3, 2, 7, 3)];

    public static (bool, string) Grade(EmbeddingBackwardFunction backward)
    {
        ArgumentNullException.ThrowIfNull(backward);
        for (int k = 0; k < Cases.Length; k++)
        {
            var (nE, V, tx, m, seed) = Cases[k];
            string where = $"case {k + 1} of {Cases.Length}: n_e = {nE}, V = {V}, Tx = {tx}, m = {m}, seed {seed}";
            var random = new Random(seed);
            var tokens = Enumerable.Range(0, tx).Select(_ => Enumerable.Range(0, m).Select(_ => random.Next(V)).ToArray()).ToArray();
            var dx = Enumerable.Range(0, tx).Select(_ => Algebra.Random(nE, m, random)).ToArray();
            var embedding = new Embedding(Algebra.Random(nE, V, random));
            var ids = SequenceBatch.OneHot(V, tokens);
            embedding.Backward(ids, dx);
            var got = Attempt.Call(() => backward(tokens.Select(step => (int[])step.Clone()).ToArray(), dx.Select(d => d.Clone()).ToArray(), V), where);
            var problem = Comparison.Problem("dE", got, embedding.dE, "(n_e, V)", where, Column(tokens),
                    new Suspect("a repeated id overwrote its column: add every dx<t>[:, j] into dE[:, id], dE[:, id] += dx<t>[:, j]", Overwritten(tokens, dx, nE, V, stepsFirst: true)),
                    new Suspect("a repeated id overwrote its column: add every dx<t>[:, j] into dE[:, id], dE[:, id] += dx<t>[:, j]", Overwritten(tokens, dx, nE, V, stepsFirst: false)),
                    new Suspect("only the last step's dx<Tx> reached dE: sum over every step t", LastStep(embedding, ids, dx)))
                ?? FiniteDifferences.Problem("dE", embedding.E.Data, got!.Data, () => Loss(embedding, ids, dx), where);
            if (problem is not null)
            {
                return (false, problem);
            }
        }
        return (true, $"dE agrees with Embedding.Backward and with central differences on {Cases.Length} random cases (repeated ids, m from 3 to 7).");
    }

    /// <summary>Names column v of dE with where its id occurs, e.g. "id 2: t = 1 sample 0, t = 3 sample 4".</summary>
    private static Func<int, int, string> Column(int[][] tokens) => (_, v) =>
    {
        var places = tokens.SelectMany((step, t) => step.Select((id, j) => (id, t, j))).Where(p => p.id == v).Select(p => $"t = {p.t + 1} sample {p.j}").ToList();
        return places.Count == 0 ? $"id {v}, which no step reads" : $"id {v} at {string.Join(", ", places)}";
    };

    /// <summary>dE[:, id] = dx&lt;t&gt;[:, j] written, not added: the last occurrence in loop order wins.</summary>
    private static Matrix Overwritten(int[][] tokens, Matrix[] dx, int nE, int V, bool stepsFirst)
    {
        var dE = new Matrix(nE, V);
        int tx = tokens.Length, m = tokens[0].Length;
        for (int outer = 0; outer < (stepsFirst ? tx : m); outer++)
        {
            for (int inner = 0; inner < (stepsFirst ? m : tx); inner++)
            {
                var (t, j) = stepsFirst ? (outer, inner) : (inner, outer);
                for (int i = 0; i < nE; i++)
                {
                    dE[i, tokens[t][j]] = dx[t][i, j];
                }
            }
        }
        return dE;
    }

    private static Matrix LastStep(Embedding embedding, SequenceBatch ids, Matrix[] dx)
    {
        var zeros = dx.Select((d, t) => t == dx.Length - 1 ? d : new Matrix(d.Rows, d.Cols)).ToArray();
        var copy = new Embedding(embedding.E.Clone());
        copy.Backward(ids, zeros);
        return copy.dE;
    }

    /// <summary>L = sum over t of sum(dx&lt;t&gt; ⊙ x&lt;t&gt;), x&lt;t&gt; = E[:, token&lt;t&gt;]: its dE is the answer.</summary>
    private static double Loss(Embedding embedding, SequenceBatch ids, Matrix[] dx)
    {
        var x = embedding.Forward(ids);
        return Enumerable.Range(1, dx.Length).Sum(t => Algebra.Dot(dx[t - 1], x.DenseStep(t)));
    }
}
