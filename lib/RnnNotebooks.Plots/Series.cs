namespace RnnNotebooks.Plots;

/// <summary>One line of a chart: a name for the legend and the points (x_i, y_i).</summary>
public sealed record Series
{
    /// <summary>A series of points; x and y must have the same, non-zero length and finite values.</summary>
    /// <param name="name">The legend entry.</param>
    /// <param name="x">The x values.</param>
    /// <param name="y">The y values.</param>
    public Series(string name, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count || x.Count == 0)
        {
            throw new ArgumentException($"series '{name}' has {x.Count} x values and {y.Count} y values; both must be the same, non-zero count.", nameof(y));
        }
        CheckFinite(name, "x", x);
        CheckFinite(name, "y", y);
        Name = name;
        X = x.ToArray();
        Y = y.ToArray();
    }

    /// <summary>A series over x = 1, 2, ..., n: a loss per update, a value per time step.</summary>
    public static Series Of(string name, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(y);
        return new Series(name, Enumerable.Range(1, y.Count).Select(i => (double)i).ToArray(), y);
    }

    /// <summary>The legend entry.</summary>
    public string Name { get; }

    /// <summary>The x values.</summary>
    public IReadOnlyList<double> X { get; }

    /// <summary>The y values.</summary>
    public IReadOnlyList<double> Y { get; }

    private static void CheckFinite(string name, string axis, IReadOnlyList<double> values)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!double.IsFinite(values[i]))
            {
                throw new ArgumentException($"series '{name}' {axis}[{i}] is {values[i]}; a chart needs finite values.", axis);
            }
        }
    }
}
