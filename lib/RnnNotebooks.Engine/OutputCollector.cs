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
    private readonly List<CellOutput> _outputs = [];
    private readonly Dictionary<string, int> _displayIndex = new(StringComparer.Ordinal);
    private readonly List<ReportedFigure> _figures = [];
    private readonly Lock _gate = new();

    /// <summary>The outputs so far.</summary>
    public IReadOnlyList<CellOutput> Outputs { get { lock (_gate) { return [.. _outputs]; } } }

    /// <summary>The figures reported so far.</summary>
    public IReadOnlyList<ReportedFigure> Figures { get { lock (_gate) { return [.. _figures]; } } }

    /// <summary>The first error, or null.</summary>
    public string? Error { get; private set; }

    /// <summary>Records one kernel event.</summary>
    public void Add(KernelEvent kernelEvent)
    {
        lock (_gate)
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
                case DisplayedValueUpdated update when update.ValueId is { } id && _displayIndex.TryGetValue(id, out var index):
                    _outputs[index] = new DataOutput(Data(update));
                    break;
                case DisplayedValueProduced display:
                    AddData(display, null);
                    break;
                case ErrorProduced error:
                    _outputs.Add(new StreamOutput("stderr", error.Message + "\n"));
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
        lock (_gate)
        {
            Error ??= message;
            _outputs.Add(new ErrorOutput(name, message, []));
        }
    }

    private void Fail(CommandFailed failed)
    {
        if (failed.Exception is { } exception and not CodeSubmissionCompilationErrorException)
        {
            Error = $"{exception.GetType().FullName}: {exception.Message}";
            var trace = exception.StackTrace?.Split('\n', StringSplitOptions.TrimEntries) ?? [];
            _outputs.Add(new ErrorOutput(exception.GetType().Name, exception.Message, trace));
            return;
        }
        Error = failed.Message + CourseLibraries.BuildHint(failed.Message); // compile errors: the diagnostics, one per line
        _outputs.Add(new ErrorOutput("CompilationError", Error, []));
    }

    private void AppendStream(string name, DisplayEvent text)
    {
        var value = string.Concat(text.FormattedValues.Select(v => v.Value));
        if (_outputs.Count > 0 && _outputs[^1] is StreamOutput last && last.Name == name)
        {
            _outputs[^1] = last with { Text = last.Text + value };
            return;
        }
        _outputs.Add(new StreamOutput(name, value));
    }

    private void AddData(DisplayEvent display, int? count)
    {
        if (display.Value is ReportedFigure figure)
        {
            _figures.Add(figure);
        }
        var data = display.Value is GenericChart chart ? ChartBundle(chart) : Data(display);
        if (data.Count == 0)
        {
            return;
        }
        if (display.ValueId is { } id)
        {
            _displayIndex[id] = _outputs.Count;
        }
        _outputs.Add(new DataOutput(data, count));
    }

    /// <summary>A chart as <see cref="ChartOutput"/>'s bundle, with an element id that is the same in every run.</summary>
    private Dictionary<string, string> ChartBundle(GenericChart chart)
    {
        var figure = ChartOutput.Rounded(GenericChart.toJson(chart)); // the id hashes what is stored: last bits may differ run to run
        return ChartOutput.Bundle(figure, ChartOutput.IdFor(executionCount, _outputs.Count, figure));
    }

    private static Dictionary<string, string> Data(DisplayEvent display) =>
        display.FormattedValues
            .Where(value => !value.SuppressDisplay)
            .GroupBy(value => value.MimeType)
            .ToDictionary(group => group.Key, group => group.First().Value);
}
