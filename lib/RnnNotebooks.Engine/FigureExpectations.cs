using System.Globalization;
using System.Text.Json.Nodes;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// The figures a notebook promises, from its metadata <c>"rnnnotebooks": {"expect": {"accuracy": [0.9, 1.0]}}</c>:
/// each named figure must be reported with <c>Report</c> and lie within [min, max], or the run fails. So a
/// notebook states what it reaches, and <c>rnnbook run</c> and its test hold it to that.
/// </summary>
public sealed class FigureExpectations
{
    /// <summary>The notebook metadata key that holds the engine's settings.</summary>
    public const string MetadataKey = "rnnnotebooks";

    private readonly IReadOnlyDictionary<string, (double Min, double Max)> _ranges;

    private FigureExpectations(IReadOnlyDictionary<string, (double Min, double Max)> ranges) => _ranges = ranges;

    /// <summary>The expectations in <paramref name="notebook"/>'s metadata (none when absent).</summary>
    /// <exception cref="NotebookFormatException">The metadata is there but not of the form <c>{"name": [min, max]}</c>.</exception>
    public static FigureExpectations Read(Notebook notebook)
    {
        if (notebook.Metadata[MetadataKey]?["expect"] is not { } expect)
        {
            return new FigureExpectations(new Dictionary<string, (double, double)>());
        }
        if (expect is not JsonObject ranges)
        {
            throw new NotebookFormatException(notebook.Path, $"metadata {MetadataKey}.expect must be an object of \"figure\": [min, max].");
        }
        return new FigureExpectations(ranges.ToDictionary(pair => pair.Key, pair => Range(pair.Key, pair.Value, notebook.Path)));
    }

    /// <summary>The first broken promise among <paramref name="figures"/>, as a failure of <paramref name="path"/>; null when all hold.</summary>
    public CellFailure? Check(IReadOnlyList<ReportedFigure> figures, string path)
    {
        foreach (var (name, (min, max)) in _ranges)
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
