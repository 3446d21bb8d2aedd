using RnnNotebooks.Plots;

namespace RnnNotebooks.Plots.Tests;

public sealed class ChartsTests
{
    [Fact]
    public void Lines_hold_every_series_with_its_name_and_points()
    {
        var chart = Charts.Lines("loss", "update", "L", [new Series("tanh", [1, 2, 3], [3.5, 2.25, 1]), Series.Of("relu", [4.0, 0.5])]);

        var traces = ChartJson.Traces(chart);
        Assert.Equal(2, traces.Count);
        Assert.Equal("tanh", (string)traces[0]!["name"]!);
        Assert.Equal([1, 2, 3], ChartJson.Numbers(traces[0]!["x"]));
        Assert.Equal([3.5, 2.25, 1], ChartJson.Numbers(traces[0]!["y"]));
        Assert.Equal([1, 2], ChartJson.Numbers(traces[1]!["x"]));
        Assert.Equal("scatter", (string)traces[1]!["type"]!);
        var layout = ChartJson.Layout(chart);
        Assert.Equal("loss", (string)layout["title"]!["text"]!);
        Assert.Equal("container", (string)layout["title"]!["yref"]!);   // placed below plotly's tool bar
        Assert.InRange((double)layout["title"]!["y"]!, 0.85, 0.95);
        Assert.Equal("update", (string)layout["xaxis"]!["title"]!["text"]!);
        Assert.Equal("L", (string)layout["yaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void Labelled_points_keep_each_groups_labels_and_coordinates_and_name_a_bad_point()
    {
        var chart = Charts.LabelledPoints("E on two components", "PC 1", "PC 2",
            [("positive", [("great", 1.5, 0.25), ("good", 1, -0.5)]), ("negative", [("bad", -2, 0)])]);

        var traces = ChartJson.Traces(chart);
        Assert.Equal(["positive", "negative"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal(["great", "good"], traces[0]!["text"]!.AsArray().Select(t => (string)t!));
        Assert.Equal([1.5, 1], ChartJson.Numbers(traces[0]!["x"]));
        Assert.Equal([0.25, -0.5], ChartJson.Numbers(traces[0]!["y"]));
        Assert.Equal("markers+text", (string)traces[1]!["mode"]!);
        Assert.Equal("PC 1", (string)ChartJson.Layout(chart)["xaxis"]!["title"]!["text"]!);
        var e = Assert.Throws<ArgumentException>(() => Charts.LabelledPoints("t", "x", "y", [("g", [("nan word", double.NaN, 0)])]));
        Assert.Contains("'nan word'", e.Message);
    }

    [Fact]
    public void A_log_axis_and_bands_are_in_the_layout()
    {
        var chart = Charts.Lines("g", "t", "norm", [Series.Of("a", [1e-3, 1, 10])], logY: true, bands: [new Band(0.5, 4.5, "trained")]);

        var layout = ChartJson.Layout(chart);
        Assert.Equal("log", (string)layout["yaxis"]!["type"]!);
        Assert.Equal("power", (string)layout["yaxis"]!["exponentformat"]!); // 10^-6, not 1µ
        var shape = layout["shapes"]!.AsArray().Single()!;
        Assert.Equal((0.5, 4.5), ((double)shape["x0"]!, (double)shape["x1"]!));
        Assert.Equal("trained", (string)layout["annotations"]!.AsArray().Single()!["text"]!);
    }

    [Fact]
    public void Loss_curves_count_updates_from_one()
    {
        var chart = Charts.LossCurves("training", [Series.Of("full BPTT", [2.0, 1.5, 1.2])], "loss per step");

        var trace = ChartJson.Traces(chart).Single()!;
        Assert.Equal([1, 2, 3], ChartJson.Numbers(trace["x"]));
        Assert.Equal("loss per step", (string)ChartJson.Layout(chart)["yaxis"]!["title"]!["text"]!);
    }

    [Fact]
    public void A_heatmap_keeps_rows_columns_and_repeated_labels_in_place()
    {
        var z = new double[,] { { 1, -2, 0.5 }, { 0, 0.25, -1 } };

        var chart = Charts.Heatmap("a", z, ["a0", "a1"], ["h", "a", "a"], "t", "unit");

        var trace = ChartJson.Traces(chart).Single()!;
        Assert.Equal("heatmap", (string)trace["type"]!);
        Assert.Equal([1, -2, 0.5], ChartJson.Numbers(trace["z"]![0]));
        Assert.Equal([0, 0.25, -1], ChartJson.Numbers(trace["z"]![1]));
        Assert.Equal((-2.0, 2.0), ((double)trace["zmin"]!, (double)trace["zmax"]!));
        Assert.Equal("RdBu", (string)trace["colorscale"]!); // plotly.js RdBu: blue at zmin, red at zmax
        Assert.False(trace.AsObject().ContainsKey("reversescale"));
        var xAxis = ChartJson.Layout(chart)["xaxis"]!;
        Assert.Equal(["h", "a", "a"], xAxis["ticktext"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([0, 1, 2], ChartJson.Numbers(xAxis["tickvals"]));
    }

    [Fact]
    public void Hidden_states_are_a_heatmap_of_a_t_per_unit_and_step()
    {
        var model = Rnn.Create(3, 4, 3, seed: 1);
        var cache = model.Forward(SequenceBatch.OneHot(3, [0, 2, 1]));

        var chart = Charts.HiddenStates("a<t>", cache, ["x", " ", "z"]);

        var z = ChartJson.Traces(chart).Single()!["z"]!.AsArray();
        Assert.Equal(4, z.Count);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(new[] { 1, 2, 3 }.Select(t => cache.A(t)[i, 0]), ChartJson.Numbers(z[i]));
        }
        Assert.Equal(["x", "␣", "z"], ChartJson.Layout(chart)["xaxis"]!["ticktext"]!.AsArray().Select(v => (string)v!));
        Assert.Contains("2 token labels for Tx = 3", Assert.Throws<ArgumentException>(() => Charts.HiddenStates("a", cache, ["x", "y"])).Message);
    }

    [Fact]
    public void Bars_hold_one_trace_per_group()
    {
        var chart = Charts.Bars("accuracy", "share right", ["seen", "unseen"], [("RNN", [1.0, 0.99]), ("FF", [0.9, 0.0])], (0, 1.1));

        var traces = ChartJson.Traces(chart);
        Assert.Equal(["RNN", "FF"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal([0.9, 0.0], ChartJson.Numbers(traces[1]!["y"]));
        Assert.Equal(["seen", "unseen"], traces[0]!["x"]!.AsArray().Select(v => (string)v!));
        Assert.Equal([0, 1.1], ChartJson.Numbers(ChartJson.Layout(chart)["yaxis"]!["range"]));
    }

    [Fact]
    public void Bad_input_is_named()
    {
        Assert.Contains("'a' has 2 x values and 3 y values", Assert.Throws<ArgumentException>(() => new Series("a", [1, 2], [1, 2, 3])).Message);
        Assert.Contains("'b' y[1] is NaN", Assert.Throws<ArgumentException>(() => Series.Of("b", [1, double.NaN])).Message);
        Assert.Contains("'c' y[0] is 0; a logarithmic axis", Assert.Throws<ArgumentException>(
            () => Charts.Lines("t", "x", "y", [Series.Of("c", [0.0, 1])], logY: true)).Message);
        Assert.Contains("at least one series", Assert.Throws<ArgumentException>(() => Charts.Lines("t", "x", "y", [])).Message);
        Assert.Contains("title is empty", Assert.Throws<ArgumentException>(() => Charts.Lines(" ", "x", "y", [Series.Of("a", [1.0])])).Message);
        Assert.Contains("z[0, 1] is Infinity", Assert.Throws<ArgumentException>(
            () => Charts.Heatmap("h", new double[,] { { 1, double.PositiveInfinity } }, ["r"], ["a", "b"], "x", "y")).Message);
        Assert.Contains("2 row labels", Assert.Throws<ArgumentException>(
            () => Charts.Heatmap("h", new double[,] { { 1, 2 } }, ["r", "s"], ["a", "b"], "x", "y")).Message);
        Assert.Contains("group 'RNN' has 1 values", Assert.Throws<ArgumentException>(
            () => Charts.Bars("b", "y", ["p", "q"], [("RNN", [1.0])])).Message);
        Assert.Contains("To > From", Assert.Throws<ArgumentException>(
            () => Charts.Lines("t", "x", "y", [Series.Of("a", [1.0])], bands: [new Band(3, 2, "b")])).Message);
    }
}
