using System.Globalization;

namespace RnnNotebooks.Exercises;

/// <summary>Compares one returned value with the expected one and says, in one line, the first thing that differs.</summary>
internal static class Comparison
{
    /// <summary>Two values agree when |got - expected| ≤ 1e-9 max(1, |expected|).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// Null when <paramref name="got"/> equals <paramref name="expected"/>; else what differs: null, the shape (and whether it
    /// is the transpose), or the first entry (row, column), followed by the likely cause when it equals a suspect.
    /// </summary>
    /// <param name="name">The value's name as the note writes it, e.g. "a&lt;3&gt;" or "dWaa".</param>
    /// <param name="got">What the reader's function returned.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="symbols">The expected shape in symbols, e.g. "(n_a, m)".</param>
    /// <param name="where">The case, e.g. "case 2 of 4: n_a = 3, n_x = 4, m = 5".</param>
    /// <param name="suspects">Usual wrong answers to recognise.</param>
    public static string? Problem(string name, Matrix? got, Matrix expected, string symbols, string where, params Suspect[] suspects) =>
        Problem(name, got, expected, symbols, where, null, suspects);

    /// <summary>
    /// <see cref="Problem(string, Matrix?, Matrix, string, string, Suspect[])"/>, with the wrong entry described by
    /// <paramref name="entry"/> after its index, e.g. "dWax[7, 1] (gate n, unit 1)".
    /// </summary>
    /// <param name="entry">What entry (row, column) is, e.g. its gate and unit; null: nothing.</param>
    /// <param name="name">The value's name as the note writes it, e.g. "dWax".</param>
    /// <param name="got">What the reader's function returned.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="symbols">The expected shape in symbols, e.g. "(3 n_a, n_x)".</param>
    /// <param name="where">The case.</param>
    /// <param name="suspects">Usual wrong answers to recognise.</param>
    public static string? Problem(string name, Matrix? got, Matrix expected, string symbols, string where, Func<int, int, string>? entry, params Suspect[] suspects)
    {
        if (got is null)
        {
            return $"{name} is null; expected a {symbols} = {Shape(expected)} matrix ({where}).";
        }
        string? cause = suspects.FirstOrDefault(s => Agrees(got, s.Wrong))?.Cause;
        string because = cause is null ? "" : $" It looks as if {cause}.";
        if (got.Shape != expected.Shape)
        {
            bool transposed = got.Shape == (expected.Cols, expected.Rows);
            string hint = cause is null && transposed ? " It is the transposed shape: check the order of the product or a missing ᵀ." : because;
            return $"{name} has shape {Shape(got)}; expected {symbols} = {Shape(expected)} ({where}).{hint}";
        }
        int index = FirstDifference(got.Data, expected.Data);
        if (index < 0)
        {
            return null;
        }
        if (cause is null && got.Rows == got.Cols && Agrees(got, expected.Transpose()))
        {
            because = $" It is the transpose of the expected {name}: check the order of the product or a missing ᵀ.";
        }
        int row = index / got.Cols, column = index % got.Cols;
        string what = entry is null ? "" : $" ({entry(row, column)})";
        return $"{name}[{row}, {column}]{what} is {Number(got.Data[index])}; expected {Number(expected.Data[index])} ({where}).{because}";
    }

    /// <summary>
    /// Null when the steps agree with <paramref name="expected"/> one by one, else what differs first: the count, or the
    /// first wrong step named as the note writes it, e.g. "dz&lt;3&gt;[0, 2] is ...".
    /// </summary>
    /// <param name="name">The value's name without the step, e.g. "dz" (the message says "dz&lt;t&gt;").</param>
    /// <param name="got">What the reader returned, element [t - 1] for step t.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="symbols">Each step's shape in symbols, e.g. "(n_a, m)".</param>
    /// <param name="where">The case.</param>
    /// <param name="suspects">Usual wrong answers, one per step (element [t - 1]) each.</param>
    public static string? Steps(string name, Matrix[]? got, Matrix[] expected, string symbols, string where, params (string Cause, Matrix[] Wrong)[] suspects) =>
        Steps(name, got, expected, symbols, where, null, suspects);

    /// <summary><see cref="Steps(string, Matrix[], Matrix[], string, string, ValueTuple{string, Matrix[]}[])"/>, the wrong entry of step t described by entry(t).</summary>
    /// <param name="entry">For step t, what entry (row, column) is; null: nothing.</param>
    /// <param name="name">The value's name without the step, e.g. "dz".</param>
    /// <param name="got">What the reader returned, element [t - 1] for step t.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="symbols">Each step's shape in symbols.</param>
    /// <param name="where">The case.</param>
    /// <param name="suspects">Usual wrong answers, one per step each.</param>
    public static string? Steps(string name, Matrix[]? got, Matrix[] expected, string symbols, string where, Func<int, Func<int, int, string>>? entry,
        params (string Cause, Matrix[] Wrong)[] suspects)
    {
        if (got is null || got.Length != expected.Length)
        {
            return $"{name} has {(got is null ? "no" : got.Length.ToString(CultureInfo.InvariantCulture))} steps; expected Tx = {expected.Length}, element [t - 1] for step t ({where}).";
        }
        for (int t = 1; t <= expected.Length; t++)
        {
            var stepSuspects = suspects.Where(s => s.Wrong.Zip(got, (w, g) => g is not null && Agrees(g, w)).All(same => same))
                .Select(s => new Suspect(s.Cause, s.Wrong[t - 1])).ToArray();
            if (Problem($"{name}<{t}>", got[t - 1], expected[t - 1], symbols, where, entry?.Invoke(t), stepSuspects) is { } problem)
            {
                return problem;
            }
        }
        return null;
    }

    /// <summary>Null when a number agrees with the expected one, else "name is x; expected y (where)." and the likely cause.</summary>
    /// <param name="name">The value's name, e.g. "L".</param>
    /// <param name="got">What the reader returned.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="where">The case.</param>
    /// <param name="suspects">Usual wrong values and what each means.</param>
    public static string? Problem(string name, double got, double expected, string where, params (string Cause, double Wrong)[] suspects)
    {
        if (FirstDifference([got], [expected]) < 0)
        {
            return null;
        }
        string? cause = suspects.FirstOrDefault(s => FirstDifference([got], [s.Wrong]) < 0).Cause;
        string because = cause is null ? "" : $" It looks as if {cause}.";
        return $"{name} is {Number(got)}; expected {Number(expected)} ({where}).{because}";
    }

    /// <summary><see cref="Problem(string, Matrix?, Matrix, string, string, Suspect[])"/> for a vector such as dba.</summary>
    public static string? Problem(string name, double[]? got, double[] expected, string symbols, string where, params Suspect[] suspects) =>
        Problem(name, got, expected, symbols, where, null, suspects);

    /// <summary><see cref="Problem(string, double[], double[], string, string, Suspect[])"/>, the wrong entry described by <paramref name="entry"/>.</summary>
    /// <param name="entry">What entry i is, e.g. its gate and unit; null: nothing.</param>
    /// <param name="name">The value's name as the note writes it, e.g. "dWax".</param>
    /// <param name="got">What the reader's function returned.</param>
    /// <param name="expected">What the library computes.</param>
    /// <param name="symbols">The expected shape in symbols, e.g. "(3 n_a, n_x)".</param>
    /// <param name="where">The case.</param>
    /// <param name="suspects">Usual wrong answers to recognise.</param>
    public static string? Problem(string name, double[]? got, double[] expected, string symbols, string where, Func<int, string>? entry, params Suspect[] suspects)
    {
        if (got is null)
        {
            return $"{name} is null; expected length {symbols} = {expected.Length} ({where}).";
        }
        var asColumn = new Matrix(got.Length, 1, got);
        string? cause = suspects.FirstOrDefault(s => Agrees(asColumn, new Matrix(s.Wrong.Data.Length, 1, s.Wrong.Data)))?.Cause; // values in order, any shape
        string because = cause is null ? "" : $" It looks as if {cause}.";
        if (got.Length != expected.Length)
        {
            return $"{name} has length {got.Length}; expected {symbols} = {expected.Length} ({where}).{because}";
        }
        int index = FirstDifference(got, expected);
        string what = index < 0 || entry is null ? "" : $" ({entry(index)})";
        return index < 0 ? null : $"{name}[{index}]{what} is {Number(got[index])}; expected {Number(expected[index])} ({where}).{because}";
    }

    /// <summary>True when both have one shape and every entry agrees within <see cref="Tolerance"/>.</summary>
    public static bool Agrees(Matrix got, Matrix expected) =>
        got.Shape == expected.Shape && FirstDifference(got.Data, expected.Data) < 0;

    /// <summary>The shape as "(rows, columns)".</summary>
    public static string Shape(Matrix m) => $"({m.Rows}, {m.Cols})";

    /// <summary>A value with 6 significant digits, invariant culture.</summary>
    public static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private static int FirstDifference(double[] got, double[] expected)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            double e = expected[i], g = got[i];
            if (!(Math.Abs(g - e) <= Tolerance * Math.Max(1.0, Math.Abs(e)))) // also catches NaN
            {
                return i;
            }
        }
        return -1;
    }
}
