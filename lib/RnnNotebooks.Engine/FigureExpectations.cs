using System.Globalization;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// The figures a notebook promises, from its metadata <c>"rnnnotebooks": {"expect": {"accuracy": [0.9, 1.0]}}</c>:
/// each named figure must be reported with <c>Report</c> and lie within [min, max], or the run fails. So a
/// notebook states what it reaches, and <c>rnnbook run</c> and its test hold it to that.
/// Figures measured on a real dataset, which an offline reader may not have, are promised under
/// <c>"expectWithRealData"</c> instead: they are held to their ranges when the notebook reports
/// <c>Report("real data", 1)</c> (it found the data), and not asked for when it reports 0 (it fell back to its bundled set).
/// </summary>
public sealed class FigureExpectations
{
    /// <summary>The notebook metadata key that holds the engine's settings.</summary>
    public const string MetadataKey = "rnnnotebooks";

    /// <summary>The figure a notebook reports as 1 when it found its real dataset, 0 when it used its bundled set instead.</summary>
    public const string RealDataFigure = "real data";

    private readonly IReadOnlyDictionary<string, (double Min, double Max)> ranges;
    private readonly IReadOnlyDictionary<string, (double Min, double Max)> realDataRanges;

    private FigureExpectations(IReadOnlyDictionary<string, (double Min, double Max)> ranges, IReadOnlyDictionary<string, (double Min, double Max)> realDataRanges) =>
        (this.ranges, this.realDataRanges) = (ranges, realDataRanges);

    /// <summary>The expectations in <paramref name="notebook"/>'s metadata (none when absent).</summary>
    /// <exception cref="NotebookFormatException">The metadata is there but not of the form <c>{"name": [min, max]}</c>.</exception>
    public static FigureExpectations Read(Notebook notebook)
    {
        return new FigureExpectations(Ranges(notebook, "expect"), Ranges(notebook, "expectWithRealData"));
    }

    private static Dictionary<string, (double Min, double Max)> Ranges(Notebook notebook, string key) =>
        notebook.Metadata[MetadataKey]?[key] switch
        {
            null => [],
            JsonObject ranges => ranges.ToDictionary(pair => pair.Key, pair => Range(pair.Key, pair.Value, notebook.Path)),
            _ => throw new NotebookFormatException(notebook.Path, $"metadata {MetadataKey}.{key} must be an object of \"figure\": [min, max]."),
        };

    /// <summary>
    /// The range <paramref name="name"/> is promised in: under <c>expect</c>, else (when <paramref name="realData"/>, the run
    /// found its real dataset) under <c>expectWithRealData</c>; null when the notebook promises nothing of it.
    /// </summary>
    public (double Min, double Max)? RangeOf(string name, bool realData) =>
        ranges.TryGetValue(name, out var range) ? range
        : realData && realDataRanges.TryGetValue(name, out var real) ? real
        : null;

    /// <summary>True when the notebook promises figures under <c>expectWithRealData</c>: it has a real-data section.</summary>
    public bool PromisesRealData => realDataRanges.Count > 0;

    /// <summary>The names of the figures promised: under <c>expect</c>, and under <c>expectWithRealData</c> when <paramref name="realData"/>.</summary>
    public IEnumerable<string> Promised(bool realData) => realData ? ranges.Keys.Concat(realDataRanges.Keys) : ranges.Keys;

    /// <summary>True when <paramref name="figures"/> say the run found its real dataset (<see cref="RealDataFigure"/> last reported as 1).</summary>
    public static bool FoundRealData(IReadOnlyList<ReportedFigure> figures) =>
        figures.LastOrDefault(figure => figure.Name == RealDataFigure)?.Value == 1;

    /// <summary>The first broken promise among <paramref name="figures"/>, as a failure of <paramref name="path"/>; null when all hold.</summary>
    public CellFailure? Check(IReadOnlyList<ReportedFigure> figures, string path)
    {
        bool realData = FoundRealData(figures);
        foreach (var (name, (min, max)) in realData ? ranges.Concat(realDataRanges) : ranges)
        {
            var reported = figures.LastOrDefault(figure => figure.Name == name);
            var problem = reported switch
            {
                null => $"the notebook promises figure '{name}' in [{Show(min)}, {Show(max)}] but never reports it with Report(\"{name}\", ...).",
                _ when reported.Value < min || reported.Value > max =>
                    $"figure '{name}' = {Show(reported.Value)} is outside its expected range [{Show(min)}, {Show(max)}] (metadata {MetadataKey}.expect).",
                _ => null,
            };
            if (problem is not null)
            {
                return new CellFailure(path, 0, "", problem);
            }
        }
        return null;
    }

    private static (double Min, double Max) Range(string name, JsonNode? node, string path)
    {
        if (node is JsonArray { Count: 2 } pair
            && pair[0] is JsonValue low && low.TryGetValue(out double min)
            && pair[1] is JsonValue high && high.TryGetValue(out double max)
            && min <= max)
        {
            return (min, max);
        }
        throw new NotebookFormatException(path, $"metadata {MetadataKey}.expect '{name}' must be [min, max] with min <= max.");
    }

    private static string Show(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
