namespace RnnNotebooks.Plots.Tests;

/// <summary>Notebook 07's figures: the generation loop (each output fed back) and the piano roll.</summary>
public sealed class GenerationChartsTests
{
    [Fact]
    public void The_generation_loop_draws_a_dashed_feedback_curve_from_each_output_to_the_next_input()
    {
        var layout = ChartJson.Layout(Diagrams.UnrolledRnn(["<s>", "e", "m"], ["e", "m", "<s>"], "loop", feedBack: true));

        var shapes = layout["shapes"]!.AsArray();
        var paths = shapes.Where(s => (string?)s!["type"] == "path").ToList();
        Assert.Equal(2, paths.Count);                                   // steps 1 -> 2 and 2 -> 3; none after the last
        Assert.All(paths, p => Assert.Equal("dash", (string?)p!["line"]!["dash"]));
        Assert.StartsWith("M 1.72,2.62 C", (string)paths[0]!["path"]!); // from above ŷ<1> at x = 1.5
        Assert.Equal(2, layout["annotations"]!.AsArray().Count(n => (string?)n!["text"] == "sample"));
        Assert.DoesNotContain(ChartJson.Layout(Diagrams.UnrolledRnn(["a", "b"]))["shapes"]!.AsArray(), s => (string?)s!["type"] == "path");
    }

    [Fact]
    public void The_piano_roll_draws_each_note_from_its_start_to_its_end_at_its_pitch_melodies_side_by_side()
    {
        IReadOnlyList<(int, int)> first = [(60, 4), (-1, 4), (64, 8)];   // C for a beat, a rest, E for two beats
        IReadOnlyList<(int, int)> second = [(67, 2)];

        var chart = Charts.PianoRoll("roll", [("real", first), ("generated", second)]);

        var traces = ChartJson.Traces(chart);
        Assert.Equal(2, traces.Count);
        var x = traces[0]!["x"]!.AsArray().Select(v => (double?)v).ToArray();
        var y = traces[0]!["y"]!.AsArray().Select(v => (double?)v).ToArray();
        Assert.Equal([0, 0.94, null, 2, 3.94, null], x);             // quarter notes; the rest is a gap
        Assert.Equal([60, 60, null, 64, 64, null], y);
        Assert.Equal(6.0, (double)traces[1]!["x"]![0]!);               // 4 beats of the first melody + 2 beats apart
        var labels = ChartJson.Layout(chart)["annotations"]!.AsArray().Select(a => (string)a!["text"]!);
        Assert.Equal(["real", "generated"], labels);
    }

    [Fact]
    public void A_piano_roll_of_nothing_or_of_a_bad_note_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Charts.PianoRoll("roll", []));
        Assert.Throws<ArgumentException>(() => Charts.PianoRoll("roll", [("x", [(60, 0)])]));
        Assert.Throws<ArgumentException>(() => Charts.PianoRoll("roll", [("x", [(128, 4)])]));
    }
}
