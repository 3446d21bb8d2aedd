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
    public static string? Problem(string name, Matrix? got, Matrix expected, string symbols, string where, params Suspect[] suspects)
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
        return $"{name}[{row}, {column}] is {Number(got.Data[index])}; expected {Number(expected.Data[index])} ({where}).{because}";
    }

    /// <summary><see cref="Problem(string, Matrix?, Matrix, string, string, Suspect[])"/> for a vector such as dba.</summary>
    public static string? Problem(string name, double[]? got, double[] expected, string symbols, string where, params Suspect[] suspects)
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
        return index < 0 ? null : $"{name}[{index}] is {Number(got[index])}; expected {Number(expected[index])} ({where}).{because}";
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
