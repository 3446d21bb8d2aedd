using System.Globalization;
using System.Text;
using RnnNotebooks.Engine;
using Spectre.Console;

namespace RnnNotebooks.Cli;

/// <summary>One figure of a notebook over the runs of a sweep.</summary>
/// <param name="Name">The figure's name, as the notebook reports it.</param>
/// <param name="Values">Its value in each run that reported it (the last report of the run), in seed order.</param>
/// <param name="Range">The range the notebook's metadata promises it in; null when it promises none.</param>
/// <param name="Seeds">How many runs the sweep made.</param>
internal sealed record SweptFigure(string Name, IReadOnlyList<double> Values, (double Min, double Max)? Range, int Seeds)
{
    /// <summary>The smallest value; NaN when no run reported it.</summary>
    public double Min => Values.Count == 0 ? double.NaN : Values.Min();

    /// <summary>The largest value; NaN when no run reported it.</summary>
    public double Max => Values.Count == 0 ? double.NaN : Values.Max();

    /// <summary>The median value (the mean of the middle two for an even count); NaN when no run reported it.</summary>
    public double Median
    {
        get
        {
            if (Values.Count == 0)
            {
                return double.NaN;
            }
            var sorted = Values.Order().ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }
    }

    /// <summary>How many runs reported it inside its range (a run that did not report it is not inside); null without a range.</summary>
    public int? Inside => Range is (var min, var max) ? Values.Count(value => value >= min && value <= max) : null;
}

/// <summary>What <c>rnnbook sweep</c> prints and writes: per notebook, each figure's min, median and max over the seeds, and how many seeds kept its promise.</summary>
internal static class SweepTable
{
    /// <summary>
    /// The figures of <paramref name="runs"/> (one run per seed), in the order they were first reported, then those the
    /// notebook promises that no run reported. A promise under <c>expectWithRealData</c> counts when a run found its real data.
    /// </summary>
    public static IReadOnlyList<SweptFigure> Figures(IReadOnlyList<NotebookRun> runs, FigureExpectations expectations)
    {
        bool realData = runs.Any(run => FigureExpectations.FoundRealData(run.Figures));
        var lastOfEachRun = runs.Select(run => run.Figures.GroupBy(figure => figure.Name).ToDictionary(group => group.Key, group => group.Last().Value)).ToList();
        var names = runs.SelectMany(run => run.Figures).Select(figure => figure.Name)
            .Concat(expectations.Promised(realData))
            .Distinct(StringComparer.Ordinal);
        return names.Select(name => new SweptFigure(
                name,
                lastOfEachRun.Where(values => values.ContainsKey(name)).Select(values => values[name]).ToList(),
                expectations.RangeOf(name, realData),
                runs.Count))
            .ToList();
    }

    /// <summary>The table of one notebook's figures.</summary>
    public static Table For(string notebook, IReadOnlyList<SweptFigure> figures, int seeds)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{Path.GetFileNameWithoutExtension(notebook)}: {seeds} seed{(seeds == 1 ? "" : "s")} (model seed offsets 0..{seeds - 1})"))
            .AddColumn("Figure")
            .AddColumn(new TableColumn("Min").RightAligned())
            .AddColumn(new TableColumn("Median").RightAligned())
            .AddColumn(new TableColumn("Max").RightAligned())
            .AddColumn("Expected")
            .AddColumn(new TableColumn("Seeds inside").RightAligned());
        foreach (var figure in figures)
        {
            table.AddRow(
                Markup.Escape(figure.Name),
                Show(figure.Min),
                Show(figure.Median),
                Show(figure.Max),
                figure.Range is (var min, var max) ? $"[[{Range(min)}, {Range(max)}]]" : "",
                Markup.Escape(InsideText(figure)));
        }
        return table;
    }

    private static string InsideText(SweptFigure figure)
    {
        var reported = figure.Values.Count < figure.Seeds ? $" (reported by {figure.Values.Count})" : "";
        return figure.Inside is { } inside ? $"{inside}/{figure.Seeds}{reported}" : reported.Trim();
    }

    /// <summary>The tables as CSV, one line per notebook and figure, values in full precision; the last column holds each run's value in seed order.</summary>
    public static string Csv(IEnumerable<(string Notebook, IReadOnlyList<SweptFigure> Figures)> notebooks)
    {
        var csv = new StringBuilder("notebook,figure,seeds,reported,min,median,max,expected_min,expected_max,inside,values\n");
        foreach (var (notebook, figures) in notebooks)
        {
            foreach (var figure in figures)
            {
                csv.AppendJoin(',',
                    Quote(Path.GetFileNameWithoutExtension(notebook)), Quote(figure.Name),
                    figure.Seeds.ToString(CultureInfo.InvariantCulture), figure.Values.Count.ToString(CultureInfo.InvariantCulture),
                    Exact(figure.Min), Exact(figure.Median), Exact(figure.Max),
                    figure.Range is (var min, _) ? Exact(min) : "", figure.Range is (_, var max) ? Exact(max) : "",
                    figure.Inside?.ToString(CultureInfo.InvariantCulture) ?? "",
                    string.Join(' ', figure.Values.Select(Exact))); // each run's value, in seed order, space-separated

                csv.Append('\n');
            }
        }
        return csv.ToString();
    }

    /// <summary>A value as the course shows figures: up to 4 significant digits; "-" when no run reported it.</summary>
    private static string Show(double value) => double.IsNaN(value) ? "-" : value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Range(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    private static string Exact(double value) => double.IsNaN(value) ? "" : value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : $"\"{field.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
