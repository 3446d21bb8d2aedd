using DynamicObj;
using Plotly.NET;

namespace RnnNotebooks.Plots;

/// <summary>
/// Builds Plotly.NET charts from plotly.js's own attribute names (the chart JSON is what is set here), with
/// the course's look: white background, light grid, a fixed size.
/// </summary>
internal static class Figure
{
    /// <summary>The default chart size in pixels.</summary>
    public const int Width = 760, Height = 420;

    /// <summary>A plotly.js object with the given attributes; null values are left out.</summary>
    public static DynamicObj.DynamicObj Object(params (string Name, object? Value)[] attributes)
    {
        var obj = new DynamicObj.DynamicObj();
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                obj.SetProperty(name, value);
            }
        }
        return obj;
    }

    /// <summary>A trace of the given plotly.js type ("scatter", "heatmap", "bar") with the given attributes.</summary>
    public static Trace Trace(string type, params (string Name, object? Value)[] attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in attributes)
        {
            if (value is not null)
            {
                trace.SetProperty(name, value);
            }
        }
        return trace;
    }

    /// <summary>An axis with a title.</summary>
    public static DynamicObj.DynamicObj Axis(string? title, params (string Name, object? Value)[] more) =>
        Object([("title", title is null ? null : Object(("text", title))), ("zeroline", false), ("gridcolor", "#e5e5e5"),
            ("linecolor", "#444"), ("showline", true), ("automargin", true), .. more]);

    /// <summary>The traces with a layout: title, axes, size, white background, and any more attributes.</summary>
    public static GenericChart Chart(IEnumerable<Trace> traces, string title, DynamicObj.DynamicObj xAxis, DynamicObj.DynamicObj yAxis,
        int width = Width, int height = Height, params (string Name, object? Value)[] more)
    {
        var layout = new Layout();
        foreach (var (name, value) in new (string, object?)[]
        {
            // The title sits below plotly's tool bar (top right, about 30 px high), so a long title does not run into it.
            ("title", Object(("text", title), ("x", 0.02), ("xanchor", "left"), ("yref", "container"), ("yanchor", "top"),
                ("y", 1 - 36.0 / height))),
            ("xaxis", xAxis),
            ("yaxis", yAxis),
            ("width", width),
            ("height", height),
            ("plot_bgcolor", "white"),
            ("paper_bgcolor", "white"),
            ("font", Object(("family", "Segoe UI, Helvetica, Arial, sans-serif"), ("size", 13))),
            ("legend", Object(("orientation", "v"), ("x", 1.02), ("y", 1))),
            ("margin", Object(("l", 70), ("r", 30), ("t", 70), ("b", 60))),
        }.Concat(more))
        {
            if (value is not null)
            {
                layout.SetProperty(name, value);
            }
        }
        return GenericChart.setLayout(layout, GenericChart.ofTraceObjects(false, traces.ToArray()));
    }

    /// <summary>Throws unless <paramref name="text"/> has some non-blank text.</summary>
    public static void CheckText(string? text, string name)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException($"{name} is empty; a chart needs a {name} to say what it shows.", name);
        }
    }
}
