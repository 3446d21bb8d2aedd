using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using Plotly.NET;
using RnnNotebooks.Engine.Documents;
using RnnNotebooks.Engine.Storing;

namespace RnnNotebooks.Engine;

/// <summary>
/// Turns the kernel events of one cell into nbformat outputs, the figures it reported, and its error.
/// Consecutive writes to the same stream merge into one output, as in Jupyter.
/// </summary>
internal sealed class OutputCollector(int executionCount)
{
    private readonly List<CellOutput> outputs = [];
    private readonly Dictionary<string, int> displayIndex = new(StringComparer.Ordinal);
    private readonly List<ReportedFigure> figures = [];
    private readonly Lock gate = new();

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs { get { lock (gate) { return [.. outputs]; } } }

    /// <summary>The figures reported so far.</summary>
    public IReadOnlyList<ReportedFigure> Figures { get { lock (gate) { return [.. figures]; } } }

    /// <summary>The first error, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Records one kernel event.</summary>
    public void Add(KernelEvent kernelEvent)
    {
        lock (gate)
        {
            switch (kernelEvent)
            {
                case StandardOutputValueProduced stdout:
                    AppendStream("stdout", stdout);
                    break;
                case StandardErrorValueProduced stderr:
                    AppendStream("stderr", stderr);
                    break;
                case ReturnValueProduced result:
                    AddData(result, executionCount);
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } id && displayIndex.TryGetValue(id, out var index):
                    outputs[index] = new DataOutput(Data(update));
                    break;
                case DisplayedValueProduced display:
                    AddData(display, null);
                    break;
                case ErrorProduced error:
                    outputs.Add(new StreamOutput("stderr", error.Message + "\n"));
                    break;
                case CommandFailed failed when Error is null:
                    Fail(failed);
                    break;
            }
        }
    }

    /// <summary>Records an error the kernel did not report, e.g. the time limit.</summary>
    public void Fail(string name, string message)
    {
        lock (gate)
        {
            Error ??= message;
            outputs.Add(new ErrorOutput(name, message, []));
        }
    }

    private void Fail(CommandFailed failed)
    {
        if (failed.Exception is { } exception and not CodeSubmissionCompilationErrorException)
        {
            Error = $"{exception.GetType().FullName}: {exception.Message}";
            var trace = exception.StackTrace?.Split('\n', StringSplitOptions.TrimEntries) ?? [];
            outputs.Add(new ErrorOutput(exception.GetType().Name, exception.Message, trace));
            return;
        }
        Error = failed.Message + CourseLibraries.BuildHint(failed.Message); // compile errors: the diagnostics, one per line
        outputs.Add(new ErrorOutput("CompilationError", Error, []));
    }

    private void AppendStream(string name, DisplayEvent text)
    {
        var value = string.Concat(text.FormattedValues.Select(v => v.Value));
        if (outputs.Count > 0 && outputs[^1] is StreamOutput last && last.Name == name)
        {
            outputs[^1] = last with { Text = last.Text + value };
            return;
        }
        outputs.Add(new StreamOutput(name, value));
    }

    private void AddData(DisplayEvent display, int? count)
    {
        if (display.Value is ReportedFigure figure)
        {
            figures.Add(figure);
        }
        var data = display.Value is GenericChart chart ? ChartBundle(chart) : Data(display);
        if (data.Count == 0)
        {
            return;
        }
        if (display.ValueId is { } id)
        {
            displayIndex[id] = outputs.Count;
        }
        outputs.Add(new DataOutput(data, count));
    }

    /// <summary>A chart as <see cref="ChartOutput"/>'s bundle, with an element id that is the same in every run.</summary>
    private Dictionary<string, string> ChartBundle(GenericChart chart)
    {
        var figure = ChartOutput.Rounded(GenericChart.toJson(chart)); // the id hashes what is stored: last bits may differ run to run
        return ChartOutput.Bundle(figure, ChartOutput.IdFor(executionCount, outputs.Count, figure));
    }

    private static Dictionary<string, string> Data(DisplayEvent display) =>
        display.FormattedValues
            .Where(value => !value.SuppressDisplay)
            .GroupBy(value => value.MimeType)
            .ToDictionary(group => group.Key, group => group.First().Value);
}
