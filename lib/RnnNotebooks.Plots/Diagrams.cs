using Plotly.NET;

namespace RnnNotebooks.Plots;

/// <summary>Figures drawn with Plotly.NET shapes and arrows (no image files): the unrolled RNN.</summary>
public static class Diagrams
{
    private const double CellWidth = 0.9, CellHeight = 0.7;

    /// <summary>
    /// The RNN unrolled over the given inputs: a<sup>⟨0⟩</sup> on the left, then for each step t a cell that takes
    /// x<sup>⟨t⟩</sup> from below through W_ax and a<sup>⟨t-1⟩</sup> from the left through W_aa, and gives
    /// ŷ<sup>⟨t⟩</sup> above through W_ya: the same three matrices at every step.
    /// </summary>
    /// <param name="inputs">The tokens x&lt;1&gt; .. x&lt;Tx&gt; (1 to 12), written under each step.</param>
    /// <param name="outputs">The outputs ŷ&lt;t&gt; to write above each step, or null to write the symbol only.</param>
    /// <param name="title">The title.</param>
    /// <param name="feedBack">
    /// Generation (one-to-many): a dashed arrow from each ŷ<sup>⟨t⟩</sup> to x<sup>⟨t+1⟩</sup>, labelled "sample": what
    /// is drawn from ŷ<sup>⟨t⟩</sup> is the next input.
    /// </param>
    public static GenericChart UnrolledRnn(IReadOnlyList<string> inputs, IReadOnlyList<string>? outputs = null,
        string title = "The RNN unrolled in time: one cell, the same W<sub>aa</sub>, W<sub>ax</sub>, W<sub>ya</sub> at every step",
        bool feedBack = false)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.Count is < 1 or > 12)
        {
            throw new ArgumentException($"{inputs.Count} inputs; the figure draws 1 to 12 steps.", nameof(inputs));
        }
        if (outputs is not null && outputs.Count != inputs.Count)
        {
            throw new ArgumentException($"{outputs.Count} outputs for {inputs.Count} inputs; give one per step (Ty = Tx) or none.", nameof(outputs));
        }
        var shapes = new List<object>();
        var notes = new List<object>();
        notes.Add(Text(0, 1, "a<sup>⟨0⟩</sup> = 0", 14));
        for (int t = 1; t <= inputs.Count; t++)
        {
            double x = 1.5 * t;
            shapes.Add(Figure.Object(("type", "rect"), ("x0", x - CellWidth / 2), ("x1", x + CellWidth / 2), ("y0", 1 - CellHeight / 2),
                ("y1", 1 + CellHeight / 2), ("line", Figure.Object(("color", "#1f77b4"), ("width", 2))), ("fillcolor", "rgba(31, 119, 180, 0.10)")));
            notes.Add(Text(x, 1, $"a<sup>⟨{t}⟩</sup>", 15));
            notes.Add(Text(x, -0.45, $"x<sup>⟨{t}⟩</sup>", 14));
            notes.Add(Text(x, -0.8, System.Net.WebUtility.HtmlEncode(inputs[t - 1]), 13, "#555"));
            notes.Add(Text(x, 2.45, $"ŷ<sup>⟨{t}⟩</sup>", 14));
            if (outputs is not null)
            {
                notes.Add(Text(x, 2.8, System.Net.WebUtility.HtmlEncode(outputs[t - 1]), 13, "#555"));
            }
            notes.Add(Arrow(x, -0.25, x, 1 - CellHeight / 2));                    // x<t> -> cell
            notes.Add(Arrow(x, 1 + CellHeight / 2, x, 2.25));                     // cell -> yHat<t>
            notes.Add(Arrow(x - 1.5 + (t == 1 ? 0.45 : CellWidth / 2), 1, x - CellWidth / 2, 1)); // a<t-1> -> a<t>
            notes.Add(Text(x + 0.2, 0.12, "W<sub>ax</sub>", 11, "#d62728"));
            notes.Add(Text(x + 0.2, 1.88, "W<sub>ya</sub>", 11, "#d62728"));
            notes.Add(Text(x - 0.75, 1.18, "W<sub>aa</sub>", 11, "#d62728"));
            if (feedBack && t < inputs.Count)
            {
                shapes.Add(FeedBack(x));
                notes.Add(Arrow(x + 1.5 - 0.32, -0.62, x + 1.5 - 0.2, -0.62));
                notes.Add(Text(x + 0.75, 2.0, "sample", 10, "#2ca02c"));
            }
        }
        var hidden = Figure.Object(("visible", false), ("range", new[] { -0.6, 1.5 * inputs.Count + 0.7 }), ("fixedrange", true));
        var hiddenY = Figure.Object(("visible", false), ("range", new[] { -1.05, 3.1 }), ("fixedrange", true));
        // An invisible trace gives the axes something to span; the figure itself is shapes and arrows.
        var anchor = Figure.Trace("scatter", ("x", new[] { 0.0 }), ("y", new[] { 0.0 }), ("mode", "markers"),
            ("marker", Figure.Object(("opacity", 0))), ("hoverinfo", "skip"), ("showlegend", false));
        int width = Math.Clamp(140 + 90 * inputs.Count, 420, Figure.Width);
        return Figure.Chart([anchor], title, hidden, hiddenY, width, 380, ("shapes", shapes.ToArray()), ("annotations", notes.ToArray()),
            ("showlegend", false), ("margin", Figure.Object(("l", 20), ("r", 20), ("t", 70), ("b", 20))));
    }

    /// <summary>A dashed curve from above ŷ&lt;t&gt; (at column x) down between the cells to the left of x&lt;t+1&gt;.</summary>
    private static object FeedBack(double x) =>
        Figure.Object(("type", "path"), ("path", FormattableString.Invariant(
            $"M {x + 0.22},2.62 C {x + 0.95},2.62 {x + 0.55},-0.62 {x + 1.5 - 0.32},-0.62")),
            ("line", Figure.Object(("color", "#2ca02c"), ("width", 1.6), ("dash", "dash"))));

    private static object Text(double x, double y, string text, int size, string color = "#222") =>
        Figure.Object(("x", x), ("y", y), ("xref", "x"), ("yref", "y"), ("text", text), ("showarrow", false),
            ("font", Figure.Object(("size", size), ("color", color))));

    private static object Arrow(double fromX, double fromY, double toX, double toY) =>
        Figure.Object(("x", toX), ("y", toY), ("ax", fromX), ("ay", fromY), ("xref", "x"), ("yref", "y"), ("axref", "x"), ("ayref", "y"),
            ("text", ""), ("showarrow", true), ("arrowhead", 2), ("arrowsize", 1.2), ("arrowwidth", 1.6), ("arrowcolor", "#444"));
}
