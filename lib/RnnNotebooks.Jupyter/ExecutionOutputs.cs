using System.Text.Json.Nodes;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Publishes one cell's kernel events on IOPub as Jupyter outputs: console writes as <c>stream</c>, displayed
/// values as <c>display_data</c> (and <c>update_display_data</c>), the last expression as <c>execute_result</c>;
/// and keeps the cell's first error for the reply. A silent execution publishes nothing and keeps only the error.
/// </summary>
internal sealed class ExecutionOutputs(IopubPublisher iopub, JupyterMessage request, int executionCount, MimeBundle bundles, bool silent)
{
    /// <summary>The cell's first error, or null.</summary>
    public CellError? Error { get; private set; }

    /// <summary>Handles one kernel event of the running cell.</summary>
    public void On(KernelEvent kernelEvent)
    {
        if (kernelEvent is CommandFailed failed && Error is null)
        {
            Error = ErrorOf(failed);
        }
        if (silent)
        {
            return;
        }
        switch (kernelEvent)
        {
            case StandardOutputValueProduced stdout:
                Stream("stdout", stdout);
                break;
            case StandardErrorValueProduced stderr:
                Stream("stderr", stderr);
                break;
            case ReturnValueProduced result:
                Data(result, "execute_result", content => content["execution_count"] = executionCount);
                break;
            case DisplayedValueUpdated update:
                Data(update, "update_display_data", _ => { });
                break;
            case DisplayedValueProduced display:
                Data(display, "display_data", _ => { });
                break;
            case ErrorProduced error:
                iopub.Publish(request, "stream", new JsonObject { ["name"] = "stderr", ["text"] = error.Message + "\n" });
                break;
        }
    }

    private void Stream(string name, DisplayEvent text)
    {
        var value = string.Concat(text.FormattedValues.Select(v => v.Value));
        if (value.Length > 0)
        {
            iopub.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = value });
        }
    }

    private void Data(DisplayEvent display, string type, Action<JsonObject> complete)
    {
        var data = bundles.From(display);
        if (data.Count == 0)
        {
            return;
        }
        var content = new JsonObject { ["data"] = data, ["metadata"] = new JsonObject() };
        if (display.ValueId is { } id)
        {
            content["transient"] = new JsonObject { ["display_id"] = id };
        }
        complete(content);
        iopub.Publish(request, type, content);
    }

    private static CellError ErrorOf(CommandFailed failed) => failed.Exception switch
    {
        OperationCanceledException => CellError.Of("Interrupted", "The cell was interrupted."),
        { } exception and not CodeSubmissionCompilationErrorException => CellError.Of(
            exception.GetType().Name, exception.Message,
            exception.StackTrace?.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
        _ => CompilationError(failed.Message + CourseLibraries.BuildHint(failed.Message)),
    };

    private static CellError CompilationError(string message) => new("CompilationError", message, message.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
