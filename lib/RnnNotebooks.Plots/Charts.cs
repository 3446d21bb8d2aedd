using Plotly.NET;

namespace RnnNotebooks.Plots;

/// <summary>
/// The charts the notebooks draw, each a Plotly.NET <see cref="GenericChart"/> (a notebook shows it as the
/// cell's output): lines of several series, loss curves, heatmaps, grouped bars.
/// </summary>
public static class Charts
{
    private static readonly string[] Palette =
        ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>One line per series, over a common x axis.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    /// <param name="series">The lines, at least one.</param>
    /// <param name="logY">A logarithmic y axis (every y must then be &gt; 0).</param>
    /// <param name="bands">Shaded ranges of x with a label, e.g. what a model saw in training.</param>
    /// <param name="markers">Draw a marker at every point as well as the line.</param>
    public static GenericChart Lines(string title, string xTitle, string yTitle, IEnumerable<Series> series,
        bool logY = false, IEnumerable<Band>? bands = null, bool markers = false)
    {
        Figure.CheckText(title, nameof(title));
        var lines = CheckSeries(series, logY);
        var traces = lines.Select((s, i) => Figure.Trace("scatter",
            ("x", s.X), ("y", s.Y), ("name", s.Name), ("mode", markers ? "lines+markers" : "lines"),
            ("line", Figure.Object(("color", Palette[i % Palette.Length]), ("width", 2)))));
        var (shapes, annotations) = Shade(bands);
        return Figure.Chart(traces, title, Figure.Axis(xTitle), Figure.Axis(yTitle, ("type", logY ? "log" : null), ("exponentformat", logY ? "power" : null)),
            more: [("shapes", shapes), ("annotations", annotations), ("showlegend", lines.Count > 1)]);
    }

    /// <summary>Loss curves: the loss after each update, one line per training run.</summary>
    /// <param name="title">What was trained.</param>
    /// <param name="runs">One series per run, x = the update number.</param>
    /// <param name="yTitle">The y axis title, e.g. "loss per character".</param>
    /// <param name="logY">A logarithmic y axis.</param>
    public static GenericChart LossCurves(string title, IEnumerable<Series> runs, string yTitle = "loss", bool logY = false) =>
        Lines(title, "update", yTitle, runs, logY);

    /// <summary>A heatmap of z[row, column], with a colour scale centred on 0 (blue negative, red positive).</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="z">The values, finite.</param>
    /// <param name="rowLabels">One label per row (drawn top to bottom).</param>
    /// <param name="columnLabels">One label per column; repeats are fine (each column keeps its place).</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    /// <param name="zLimit">The colour scale runs from -zLimit to zLimit; null: the largest |z|.</param>
    public static GenericChart Heatmap(string title, double[,] z, IReadOnlyList<string> rowLabels, IReadOnlyList<string> columnLabels,
        string xTitle, string yTitle, double? zLimit = null)
    {
        Figure.CheckText(title, nameof(title));
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(rowLabels);
        ArgumentNullException.ThrowIfNull(columnLabels);
        int rows = z.GetLength(0), columns = z.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException($"z has shape ({rows}, {columns}); a heatmap needs at least one row and one column.", nameof(z));
        }
        if (rowLabels.Count != rows || columnLabels.Count != columns)
        {
            throw new ArgumentException(
                $"z has shape ({rows}, {columns}) but there are {rowLabels.Count} row labels and {columnLabels.Count} column labels.", nameof(z));
        }
        var values = new double[rows][];
        double largest = 0;
        for (int r = 0; r < rows; r++)
        {
            values[r] = new double[columns];
            for (int c = 0; c < columns; c++)
            {
                double v = z[r, c];
                if (!double.IsFinite(v))
                {
                    throw new ArgumentException($"z[{r}, {c}] is {v}; a heatmap needs finite values.", nameof(z));
                }
                values[r][c] = v;
                largest = Math.Max(largest, Math.Abs(v));
            }
        }
        double limit = zLimit ?? (largest > 0 ? largest : 1);
        if (!(limit > 0) || !double.IsFinite(limit))
        {
            throw new ArgumentOutOfRangeException(nameof(zLimit), zLimit, "zLimit must be finite and > 0.");
        }
        var positions = Enumerable.Range(0, columns).ToArray();
        var trace = Figure.Trace("heatmap", ("z", values), ("x", positions), ("y", Enumerable.Range(0, rows).ToArray()),
            ("zmin", -limit), ("zmax", limit), ("colorscale", "RdBu"), // plotly.js RdBu runs blue (zmin) to red (zmax)
            ("colorbar", Figure.Object(("thickness", 14))));
        var xAxis = Figure.Axis(xTitle, ("tickmode", "array"), ("tickvals", positions), ("ticktext", columnLabels.ToArray()),
            ("showgrid", false), ("tickangle", 0));
        var yAxis = Figure.Axis(yTitle, ("tickmode", "array"), ("tickvals", Enumerable.Range(0, rows).ToArray()),
            ("ticktext", rowLabels.ToArray()), ("autorange", "reversed"), ("showgrid", false));
        int height = Math.Clamp(120 + 22 * rows, 260, 700);
        return Figure.Chart([trace], title, xAxis, yAxis, height: height);
    }

    /// <summary>
    /// The hidden state a&lt;t&gt; of one sample over time as a heatmap: one row per hidden unit, one column per
    /// step t = 1 .. Tx, labelled with the step's token.
    /// </summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="cache">The forward pass.</param>
    /// <param name="tokens">The Tx token labels (e.g. the characters read).</param>
    /// <param name="sample">Which sample j of the batch.</param>
    public static GenericChart HiddenStates(string title, RecurrentCache cache, IReadOnlyList<string> tokens, int sample = 0)
    {
        ArgumentNullException.ThrowIfNull(cache);
        ArgumentNullException.ThrowIfNull(tokens);
        if (tokens.Count != cache.Length)
        {
            throw new ArgumentException($"{tokens.Count} token labels for Tx = {cache.Length} steps.", nameof(tokens));
        }
        ArgumentOutOfRangeException.ThrowIfNegative(sample);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(sample, cache.BatchSize);
        int nA = cache.A(0).Rows;
        var z = new double[nA, cache.Length];
        for (int t = 1; t <= cache.Length; t++)
        {
            for (int i = 0; i < nA; i++)
            {
                z[i, t - 1] = cache.A(t)[i, sample]; // a<t>_i of sample j
            }
        }
        var units = Enumerable.Range(0, nA).Select(i => $"a{i}").ToArray();
        var columns = tokens.Select(Visible).ToArray();
        return Heatmap(title, z, units, columns, "t →  (the token x⟨t⟩ read at each step)", "hidden unit");
    }

    /// <summary>Grouped bars: one bar per category and group, e.g. an accuracy per test set and model.</summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="yTitle">The y axis title.</param>
    /// <param name="categories">The x categories.</param>
    /// <param name="groups">One series of values per group (legend entry), each with one value per category.</param>
    /// <param name="yRange">The y axis range, or null for automatic.</param>
    public static GenericChart Bars(string title, string yTitle, IReadOnlyList<string> categories,
        IEnumerable<(string Name, IReadOnlyList<double> Values)> groups, (double Min, double Max)? yRange = null)
    {
        Figure.CheckText(title, nameof(title));
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.ToList();
        if (categories.Count == 0 || list.Count == 0)
        {
            throw new ArgumentException($"a bar chart needs categories and groups; got {categories.Count} categories and {list.Count} groups.", nameof(groups));
        }
        var traces = new List<Trace>();
        for (int g = 0; g < list.Count; g++)
        {
            var (name, values) = list[g];
            if (values.Count != categories.Count || values.Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException(
                    $"group '{name}' has {values.Count} values ({string.Join(", ", values)}); expected {categories.Count} finite values, one per category.", nameof(groups));
            }
            traces.Add(Figure.Trace("bar", ("x", categories.ToArray()), ("y", values.ToArray()), ("name", name),
                ("text", values.Select(v => v.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture)).ToArray()),
                ("textposition", "outside"), ("marker", Figure.Object(("color", Palette[g % Palette.Length])))));
        }
        var yAxis = Figure.Axis(yTitle, ("range", yRange is { } r ? new[] { r.Min, r.Max } : null));
        return Figure.Chart(traces, title, Figure.Axis(null), yAxis, more: [("barmode", "group")]);
    }

    /// <summary>
    /// Labelled points in the plane, one colour per group: e.g. word vectors projected on two principal components, each
    /// point named by its word.
    /// </summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="xTitle">The x axis title.</param>
    /// <param name="yTitle">The y axis title.</param>
    /// <param name="groups">One legend entry each: a name and its points (label, x, y), every coordinate finite.</param>
    public static GenericChart LabelledPoints(string title, string xTitle, string yTitle,
        IEnumerable<(string Name, IReadOnlyList<(string Label, double X, double Y)> Points)> groups)
    {
        Figure.CheckText(title, nameof(title));
        ArgumentNullException.ThrowIfNull(groups);
        var list = groups.ToList();
        if (list.Count == 0 || list.All(g => g.Points.Count == 0))
        {
            throw new ArgumentException("a chart of labelled points needs at least one point.", nameof(groups));
        }
        var traces = new List<Trace>();
        for (int g = 0; g < list.Count; g++)
        {
            var (name, points) = list[g];
            if (points.FirstOrDefault(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y)) is { Label: { } bad } point)
            {
                throw new ArgumentException($"group '{name}': point '{bad}' is at ({point.X}, {point.Y}); every coordinate must be finite.", nameof(groups));
            }
            traces.Add(Figure.Trace("scatter", ("x", points.Select(p => p.X).ToArray()), ("y", points.Select(p => p.Y).ToArray()),
                ("text", points.Select(p => p.Label).ToArray()), ("mode", "markers+text"), ("textposition", "top center"), ("name", name),
                ("marker", Figure.Object(("color", Palette[g % Palette.Length]), ("size", 7)))));
        }
        return Figure.Chart(traces, title, Figure.Axis(xTitle), Figure.Axis(yTitle));
    }

    private static List<Series> CheckSeries(IEnumerable<Series> series, bool logY)
    {
        ArgumentNullException.ThrowIfNull(series);
        var list = series.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("a line chart needs at least one series.", nameof(series));
        }
        if (logY && list.FirstOrDefault(s => s.Y.Any(y => y <= 0)) is { } bad)
        {
            int i = bad.Y.ToList().FindIndex(y => y <= 0);
            throw new ArgumentException($"series '{bad.Name}' y[{i}] is {bad.Y[i]}; a logarithmic axis needs every y > 0.", nameof(series));
        }
        return list;
    }

    private static (object? Shapes, object? Annotations) Shade(IEnumerable<Band>? bands)
    {
        if (bands is null)
        {
            return (null, null);
        }
        var list = bands.ToList();
        foreach (var band in list)
        {
            if (!(band.To > band.From) || !double.IsFinite(band.From) || !double.IsFinite(band.To))
            {
                throw new ArgumentException($"band '{band.Label}' runs from {band.From} to {band.To}; it needs finite ends with To > From.", nameof(bands));
            }
        }
        var shapes = list.Select(b => Figure.Object(("type", "rect"), ("xref", "x"), ("yref", "paper"), ("x0", b.From), ("x1", b.To),
            ("y0", 0), ("y1", 1), ("fillcolor", "rgba(44, 160, 44, 0.12)"), ("line", Figure.Object(("width", 0))), ("layer", "below"))).ToArray();
        var labels = list.Select(b => Figure.Object(("x", (b.From + b.To) / 2), ("y", 1), ("xref", "x"), ("yref", "paper"),
            ("yanchor", "bottom"), ("text", b.Label), ("showarrow", false), ("font", Figure.Object(("color", "#2ca02c"))))).ToArray();
        return (shapes, labels);
    }

    private static string Visible(string token) => token switch
    {
        " " => "␣",
        "\n" => "↵",
        _ => System.Net.WebUtility.HtmlEncode(token),
    };

    /// <summary>
    /// Melodies as a piano roll, side by side in time: each note a bar at its pitch from its start to its end (rests are
    /// gaps), each melody in its own colour and named above its start.
    /// </summary>
    /// <param name="title">What the chart shows.</param>
    /// <param name="melodies">Each a name and its notes: a MIDI pitch (-1 for a rest) and a duration in sixteenth notes.</param>
    public static GenericChart PianoRoll(string title, IReadOnlyList<(string Name, IReadOnlyList<(int Pitch, int Duration)> Notes)> melodies)
    {
        Figure.CheckText(title, nameof(title));
        ArgumentNullException.ThrowIfNull(melodies);
        if (melodies.Count == 0 || melodies.Any(m => m.Notes.Count == 0 || m.Notes.Any(n => n.Duration < 1 || n.Pitch is < -1 or > 127)))
        {
            throw new ArgumentException("melodies: give at least one, each with notes of pitch 0..127 (or -1, a rest) and duration >= 1.", nameof(melodies));
        }
        var traces = new List<Trace>();
        var labels = new List<object>();
        double start = 0;
        foreach (var ((name, notes), i) in melodies.Select((m, i) => (m, i)))
        {
            var (x, y) = RollSegments(notes, start);
            traces.Add(Figure.Trace("scatter", ("x", x), ("y", y), ("name", name), ("mode", "lines"),
                ("line", Figure.Object(("color", Palette[i % Palette.Length]), ("width", 7))), ("connectgaps", false)));
            labels.Add(Figure.Object(("x", start), ("y", 1.0), ("xref", "x"), ("yref", "paper"), ("xanchor", "left"), ("yanchor", "bottom"),
                ("text", System.Net.WebUtility.HtmlEncode(name)), ("showarrow", false), ("font", Figure.Object(("size", 11), ("color", Palette[i % Palette.Length])))));
            start += notes.Sum(n => n.Duration) / 4.0 + 2; // two beats between melodies
        }
        var pitches = melodies.SelectMany(m => m.Notes).Where(n => n.Pitch >= 0).Select(n => n.Pitch).DefaultIfEmpty(60).ToList();
        var ticks = Enumerable.Range(pitches.Min(), pitches.Max() - pitches.Min() + 1).Where(p => p % 12 is 0 or 4 or 7).ToArray();
        var names = ticks.Select(p => new[] { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" }[p % 12] + (p / 12 - 1)).ToArray();
        return Figure.Chart(traces, title, Figure.Axis("time (quarter notes)"),
            Figure.Axis("pitch", ("tickvals", ticks), ("ticktext", names)), height: 380,
            more: [("annotations", labels.ToArray()), ("showlegend", false)]);
    }

    /// <summary>x and y of a melody's note bars, each from (start, pitch) to (end, pitch) with a gap (null) between bars.</summary>
    private static (double?[] X, double?[] Y) RollSegments(IReadOnlyList<(int Pitch, int Duration)> notes, double start)
    {
        var x = new List<double?>();
        var y = new List<double?>();
        double time = start;
        foreach (var (pitch, duration) in notes)
        {
            double end = time + duration / 4.0;
            if (pitch >= 0)
            {
                x.AddRange([time, end - 0.06, null]); // a small gap shows repeated notes apart
                y.AddRange([pitch, pitch, null]);
            }
            time = end;
        }
        return (x.ToArray(), y.ToArray());
    }
}
