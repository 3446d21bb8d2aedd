using Microsoft.DotNet.Interactive;

namespace RnnNotebooks.Notebooks.Engine;

/// <summary>
/// Functions every notebook can call without a prefix: the engine's kernel imports this class with
/// <c>using static</c> before the first cell.
/// </summary>
public static class NotebookHelpers
{
    /// <summary>
    /// Reports a figure about this notebook's run (a final loss, an accuracy, a time): it is shown under the
    /// cell as <c>name = value</c> and collected by <c>rnnbook run</c> into its summary table.
    /// </summary>
    /// <param name="name">What the figure is, e.g. <c>"accuracy"</c>; letters, digits, '-', '_' and spaces.</param>
    /// <param name="value">Its value; must be finite.</param>
    public static void Report(string name, double value)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("Report needs a name, e.g. Report(\"accuracy\", 0.93).", nameof(name));
        }
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Report(\"{name}\", {value}): the value is not finite.", nameof(value));
        }
        var figure = new ReportedFigure(name.Trim(), value);
        if (KernelInvocationContext.Current is { } context)
        {
            context.Display(figure, Documents.MimeTypes.PlainText);
        }
    }
}
