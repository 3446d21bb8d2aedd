namespace RnnNotebooks.Exercises;

/// <summary>Grades a <see cref="BeamStepFunction"/> against <see cref="SequenceSearch.Beam"/> run for the same step.</summary>
internal static class BeamStepGrader
{
    /// <summary>(k, n_y, seed, on a grid) of each case; on a grid, scores and log-probabilities are multiples of 1/4, so ties abound.</summary>
    private static readonly (int k, int nY, int Seed, bool Grid)[] Cases = [(2, 5, 1, false), (3, 7, 2, true), (4, 5, 3, true), (3, 9, 4, false)];

    public static (bool, string) Grade(BeamStepFunction step)
    {
        ArgumentNullException.ThrowIfNull(step);
        for (int c = 0; c < Cases.Length; c++)
        {
            var (k, nY, seed, grid) = Cases[c];
            string where = $"case {c + 1} of {Cases.Length}: k = {k}, n_y = {nY}, seed {seed}{(grid ? ", with ties" : "")}";
            var random = new Random(seed);
            double Draw(double scale) => grid ? -0.25 * random.Next(1, 1 + (int)(4 * scale)) : -scale * random.NextDouble();
            var scores = Enumerable.Range(0, k).Select(_ => Draw(3)).OrderDescending().ToArray();
            var logProbabilities = new Matrix(nY, k);
            for (int i = 0; i < logProbabilities.Data.Length; i++)
            {
                logProbabilities.Data[i] = Draw(2);
            }
            var expected = Library(scores, logProbabilities);
            var got = Attempt.Call(() => step((double[])scores.Clone(), logProbabilities.Clone()), where);
            if (Problem(got, expected, scores, logProbabilities, where) is { } problem)
            {
                return (false, problem);
            }
        }
        return (true, $"the k extensions agree with SequenceSearch.Beam, ties included, on {Cases.Length} random cases (k from 2 to 4).");
    }

    private static string? Problem(BeamExtension[]? got, BeamExtension[] expected, double[] scores, Matrix logProbabilities, string where)
    {
        int k = expected.Length;
        if (got is null || got.Length != k)
        {
            return $"the function returned {(got is null ? "null" : $"{got.Length} extensions")}; expected the k = {k} best, best first ({where}).";
        }
        for (int i = 0; i < k; i++)
        {
            var (g, e) = (got[i], expected[i]);
            if (g is null || g.Hypothesis != e.Hypothesis || g.Token != e.Token || Comparison.Problem("score", g.Score, e.Score, where) is not null)
            {
                string cause = Suspects(scores, logProbabilities).FirstOrDefault(s => SameChoices(got, s.Wrong)).Cause is { } c ? $" It looks as if {c}." : "";
                return $"extension {i} is {Show(g)}; expected {Show(e)} ({where}).{cause}";
            }
        }
        return null;
    }

    /// <summary>The usual wrong steps: each ranks or orders the candidates in another way.</summary>
    private static (string Cause, BeamExtension[] Wrong)[] Suspects(double[] scores, Matrix lp)
    {
        var all = Candidates(scores, lp);
        int k = scores.Length;
        return
        [
            ("the hypotheses' scores were left out: rank by log P(y<1..t-1>) + log yHat<t>[y]",
                all.OrderByDescending(c => lp[c.Token, c.Hypothesis]).Take(k).ToArray()),
            ("ties went to the lower token first: list the candidates hypothesis by hypothesis, then token by token, and keep the first of equal scores",
                all.OrderBy(c => c.Token).ThenBy(c => c.Hypothesis).OrderByDescending(c => c.Score).Take(k).ToArray()),
            ("ties went to the candidate listed last: among equal scores keep the first (a stable sort)",
                all.AsEnumerable().Reverse().OrderByDescending(c => c.Score).Take(k).ToArray()),
            ("each hypothesis kept only its best token: the k best come from all k n_y candidates together, so one hypothesis may give several",
                all.GroupBy(c => c.Hypothesis).Select(g => g.OrderByDescending(c => c.Score).First()).OrderByDescending(c => c.Score).Take(k).ToArray()),
            ("the k lowest were kept, or the order is ascending: keep the k highest log-probabilities, best first",
                all.OrderByDescending(c => c.Score).Take(k).Reverse().ToArray()),
        ];
    }

    /// <summary>Every extension, hypothesis by hypothesis and token by token: the library's order before its stable sort.</summary>
    private static BeamExtension[] Candidates(double[] scores, Matrix lp) =>
        Enumerable.Range(0, scores.Length).SelectMany(h => Enumerable.Range(0, lp.Rows).Select(y => new BeamExtension(h, y, scores[h] + lp[y, h]))).ToArray();

    private static bool SameChoices(BeamExtension?[] got, BeamExtension[] wrong) =>
        got.Length == wrong.Length && got.Zip(wrong).All(p => p.First is { } g && g.Hypothesis == p.Second.Hypothesis && g.Token == p.Second.Token);

    private static string Show(BeamExtension? e) => e is null ? "null" : $"(hypothesis {e.Hypothesis}, token {e.Token}, score {Comparison.Number(e.Score)})";

    /// <summary>
    /// The library's answer: <see cref="SequenceSearch.Beam"/> over two steps of a decoder whose first step writes
    /// hypothesis h as token h with log-probability scores[h] (so the beam holds the k hypotheses in the given order),
    /// and whose second step gives hypothesis h the column h of the log-probabilities. An extra end token, never likely,
    /// keeps every extension on the beam, and alpha = 0 leaves the scores unnormalised.
    /// </summary>
    private static BeamExtension[] Library(double[] scores, Matrix logProbabilities) =>
        SequenceSearch.Beam(new TwoSteps(scores, logProbabilities), start: 0, end: logProbabilities.Rows, maxLength: 2, k: scores.Length, alpha: 0)
            .Select(h => new BeamExtension(h.Tokens[0], h.Tokens[1], h.LogProbability)).ToArray();

    /// <summary>The two steps; a slot holds how many steps its state has taken.</summary>
    private sealed class TwoSteps(double[] scores, Matrix logProbabilities) : IStepDecoder
    {
        private int[] taken = [];

        public int Size => logProbabilities.Rows + 1;

        public int Slots => taken.Length;

        public void Reserve(int slots) => Array.Resize(ref taken, Math.Max(slots, taken.Length));

        public void Start(int slot) => taken[slot] = 0;

        public void Step(int from, int previous, int to, Span<double> row)
        {
            row.Fill(double.NegativeInfinity);
            for (int y = 0; y < Size - 1; y++)
            {
                row[y] = taken[from] == 0 ? (y < scores.Length ? scores[y] : double.NegativeInfinity) : logProbabilities[y, previous];
            }
            taken[to] = taken[from] + 1;
        }
    }
}
