
namespace RnnNotebooks;

/// <summary>
/// Argument checks whose messages name the input, the expected and actual shape or value, and the
/// time step. Time steps in messages are 1-based, as in the note (x&lt;1&gt; is the first input).
/// </summary>
internal static class Guard
{
    /// <summary>Throws unless <paramref name="matrix"/> has shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    /// <param name="matrix">The matrix to check.</param>
    /// <param name="rows">Expected rows.</param>
    /// <param name="cols">Expected columns.</param>
    /// <param name="name">The parameter's name as the note writes it, e.g. "Waa" or "x".</param>
    /// <param name="timeStep">1-based time step, if the matrix belongs to one.</param>
    /// <param name="expectedText">How the expected shape reads in symbols, e.g. "(n_a, m)".</param>
    public static void Shape(Matrix? matrix, int rows, int cols, string name, int? timeStep = null, string? expectedText = null)
    {
        if (matrix is null)
        {
            throw new ArgumentNullException(name, $"{Where(name, timeStep)} is null; expected a ({rows}, {cols}) matrix.");
        }
        if (matrix.Rows != rows || matrix.Cols != cols)
        {
            string symbols = expectedText is null ? "" : $" = {expectedText}";
            throw new ArgumentException(
                $"{Where(name, timeStep)} has shape ({matrix.Rows}, {matrix.Cols}); expected ({rows}, {cols}){symbols}.", name);
        }
    }

    /// <summary>Throws unless <paramref name="values"/> has <paramref name="length"/> elements.</summary>
    public static void Length(ReadOnlySpan<double> values, int length, string name, string? expectedText = null)
    {
        if (values.Length != length)
        {
            string symbols = expectedText is null ? "" : $" = {expectedText}";
            throw new ArgumentException($"{name} has length {values.Length}; expected {length}{symbols}.", name);
        }
    }

    /// <summary>Throws a <see cref="NonFiniteException"/> if any value is NaN or infinite.</summary>
    /// <param name="values">The values to check.</param>
    /// <param name="name">What they are, e.g. "x" or "a0".</param>
    /// <param name="timeStep">1-based time step, if any.</param>
    /// <param name="cols">Row length, used to report (row, column) of the first bad value; 0 for a flat list.</param>
    public static void Finite(ReadOnlySpan<double> values, string name, int? timeStep = null, int cols = 0)
    {
        if (AllFinite(values))
        {
            return;
        }
        int i = FirstNonFinite(values);
        string at = cols > 0 ? $"element ({i / cols}, {i % cols})" : $"element {i}";
        throw new NonFiniteException(name, timeStep,
            $"{Where(name, timeStep)} contains {values[i]} at {at}; every value must be finite.");
    }

    /// <summary>True when every value is finite. One vectorised pass: a NaN or infinity makes the sum non-finite.</summary>
    public static bool AllFinite(ReadOnlySpan<double> values)
    {
        // Sum is NaN/Inf if any element is; a finite sum can only overflow for values near 1e308.
        return double.IsFinite(Reductions.Sum(values)) || FirstNonFinite(values) < 0;
    }

    /// <summary>Index of the first NaN or infinity, or -1.</summary>
    public static int FirstNonFinite(ReadOnlySpan<double> values)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>"x&lt;3&gt; (time step t=3)" or just the name.</summary>
    internal static string Where(string name, int? timeStep) =>
        timeStep is int t ? $"{name}<{t}> (time step t={t})" : name;
}
