namespace RnnNotebooks.Torch;

/// <summary>How one quantity (yHat, L, dWaa, ...) of the core compares with a twin's.</summary>
/// <param name="Name">The note's name: a, c, yHat, L, a gradient as the core names it (dWaa, dBax, ...), dA0, dC0 or dX.</param>
/// <param name="Count">Number of elements compared.</param>
/// <param name="MaxAbsDifference">max over elements of |core - twin|.</param>
/// <param name="MaxAbsValue">max over elements of |twin|: the scale of the quantity.</param>
/// <param name="WorstRatio">max over elements of |core - twin| / max(1, |twin|); passes when at most the tolerance.</param>
/// <param name="Passed">True when every element has |core - twin| &lt;= tolerance * max(1, |twin|) (NaN fails).</param>
public readonly record struct ParityEntry(string Name, int Count, double MaxAbsDifference, double MaxAbsValue, double WorstRatio, bool Passed)
{
    /// <summary>Compares two arrays of one quantity element by element.</summary>
    /// <param name="name">The quantity's name.</param>
    /// <param name="core">The core's values.</param>
    /// <param name="twin">The twin's values, the reference for the scale.</param>
    /// <param name="tolerance">The relative tolerance, e.g. 1e-10.</param>
    public static ParityEntry Compare(string name, double[] core, double[] twin, double tolerance)
    {
        ArgumentNullException.ThrowIfNull(core);
        ArgumentNullException.ThrowIfNull(twin);
        if (core.Length != twin.Length)
        {
            throw new ArgumentException($"{name}: the core has {core.Length} values, the twin {twin.Length}.", nameof(twin));
        }
        double maxDiff = 0, maxValue = 0, worst = 0;
        bool passed = true;
        for (int i = 0; i < core.Length; i++)
        {
            double d = Math.Abs(core[i] - twin[i]), scale = Math.Max(1.0, Math.Abs(twin[i]));
            passed &= d <= tolerance * scale; // false for NaN
            maxDiff = double.IsNaN(d) ? double.NaN : Math.Max(maxDiff, d);
            maxValue = Math.Max(maxValue, Math.Abs(twin[i]));
            worst = double.IsNaN(d) ? double.NaN : Math.Max(worst, d / scale);
        }
        return new ParityEntry(name, core.Length, maxDiff, maxValue, worst, passed);
    }
}
