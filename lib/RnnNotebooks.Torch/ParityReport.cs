using System.Globalization;
using System.Text;

namespace RnnNotebooks.Torch;

/// <summary>The core against one twin: an entry for every quantity.</summary>
/// <param name="Twin">The twin's name, e.g. "nn.RNN".</param>
/// <param name="Tolerance">The relative tolerance used.</param>
/// <param name="Entries">Every quantity of <see cref="TwinOutputs.Quantities"/>: a (c), yHat, L, the gradients, dA0 (dC0) and, for dense inputs, dX.</param>
public sealed record ParityReport(string Twin, double Tolerance, IReadOnlyList<ParityEntry> Entries)
{
    /// <summary>True when every quantity passed.</summary>
    public bool AllPassed => Entries.All(e => e.Passed);

    /// <summary>The largest |core - twin| over all quantities.</summary>
    public double MaxAbsDifference => Entries.Max(e => e.MaxAbsDifference);

    /// <summary>The entry for <paramref name="name"/> (e.g. "dWaa").</summary>
    public ParityEntry this[string name] =>
        Entries.FirstOrDefault(e => e.Name == name) is { Name: not null } entry
            ? entry
            : throw new KeyNotFoundException($"no quantity {name}; this report has {string.Join(", ", Entries.Select(e => e.Name))}.");

    /// <summary>A table: one line per quantity with its size, max |difference|, scale, worst ratio and verdict.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"core vs {Twin}: |d| <= {Tolerance:G2} * max(1, |value|) {(AllPassed ? "holds" : "FAILS")}\n");
        sb.Append(CultureInfo.InvariantCulture, $"{"quantity",-8} {"n",7} {"max |d|",10} {"max |value|",12} {"worst ratio",12}\n");
        foreach (var e in Entries)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"{e.Name,-8} {e.Count,7} {e.MaxAbsDifference,10:E2} {e.MaxAbsValue,12:G4} {e.WorstRatio,12:E2} {(e.Passed ? "ok" : "FAIL")}\n");
        }
        return sb.ToString();
    }
}
