using RnnNotebooks.Plots;

namespace RnnNotebooks.Plots.Tests;

public sealed class DiagramsTests
{
    [Fact]
    public void The_unrolled_rnn_has_a_cell_per_step_with_its_input_output_and_three_arrows()
    {
        var chart = Diagrams.UnrolledRnn(["Harry", "Potter", "and"], ["1", "1", "0"]);

        var layout = ChartJson.Layout(chart);
        var cells = layout["shapes"]!.AsArray();
        Assert.Equal(3, cells.Count);
        Assert.All(cells, c => Assert.Equal("rect", (string)c!["type"]!));
        var notes = layout["annotations"]!.AsArray();
        var texts = notes.Select(n => (string)n!["text"]!).ToList();
        Assert.Contains("a<sup>⟨0⟩</sup> = 0", texts);
        foreach (var word in new[] { "Harry", "Potter", "and", "a<sup>⟨3⟩</sup>", "x<sup>⟨2⟩</sup>", "ŷ<sup>⟨1⟩</sup>" })
        {
            Assert.Contains(word, texts);
        }
        Assert.Equal(3 * 3, notes.Count(n => (bool)n!["showarrow"]!)); // x -> a, a -> yHat, a<t-1> -> a<t> per step
        Assert.Equal(3, texts.Count(t => t == "W<sub>aa</sub>"));        // the same matrix at every step
        Assert.Equal(["1", "1", "0"], texts.Where(t => t is "1" or "0"));  // the outputs, above their steps
    }

    [Fact]
    public void Inputs_are_html_encoded_and_counts_checked()
    {
        var texts = ChartJson.Layout(Diagrams.UnrolledRnn(["<pad>"]))["annotations"]!.AsArray().Select(n => (string)n!["text"]!);
        Assert.Contains("&lt;pad&gt;", texts);

        Assert.Contains("1 to 12 steps", Assert.Throws<ArgumentException>(() => Diagrams.UnrolledRnn([])).Message);
        Assert.Contains("2 outputs for 1 inputs", Assert.Throws<ArgumentException>(() => Diagrams.UnrolledRnn(["a"], ["b", "c"])).Message);
    }
}
