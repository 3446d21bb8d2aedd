using System.Text.Json.Nodes;
using static RnnNotebooks.TestSupport.TestNotebook;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook sweep</c> as a user calls it, on a notebook of one cell that reports a model's figure and a data figure.</summary>
[Collection(NotebookCollection.Name)]
public sealed class SweepTests
{
    /// <summary>What new Random(1) draws first: data, which the offset leaves alone.</summary>
    private static readonly double DataFigure = new Random(1).NextDouble();

    private static string Notebook(string folder) => Write(folder, "sweep", Expect(("first weight", -10, 10), ("data", 0.5, 1), ("never reported", 0, 1)),
        Cell("code", $"#r \"{Path.Combine(Repository.CourseLibraries, "RnnNotebooks.dll")}\"\n" + UsingFigures
            + "var p = RnnNotebooks.RecurrentParameters.Initialize(RnnNotebooks.RecurrentCell.Rnn, nX: 2, nA: 3, nY: 2, seed: 1);\n"
            + "Report(\"first weight\", p.Waa[0, 0]);\n"
            + "Report(\"data\", new Random(1).NextDouble());"));

    [Fact]
    public async Task Sweep_runs_each_seed_prints_the_spread_and_the_seeds_inside_and_writes_the_csv()
    {
        var folder = NewFolder();
        var csv = Path.Combine(folder, "out", "sweep.csv");

        var (exitCode, text, errors) = await Rnnbook.RunAsync("sweep", Notebook(folder), "--seeds", "2", "--csv", csv);

        Assert.True(exitCode == 0, $"exit code {exitCode}: a figure out of its range must not stop the sweep\n{errors}\n{text}");
        Assert.Equal(0, Seeds.Offset);
        Assert.Contains("sweep, seed offset 0 (1/2):", text);
        Assert.Contains("sweep, seed offset 1 (2/2):", text);
        Assert.Contains("figure 'data' = 0.248669 is outside its expected range", text); // each run says so, and the sweep goes on
        Assert.Contains("sweep: 2 seeds (model seed offsets 0..1)", text);
        Assert.Matches(@"│ data\s+│\s+0\.2487 │\s+0\.2487 │\s+0\.2487 │ \[0\.5, 1\]\s+│\s+0/2 │", text);

        var rows = File.ReadAllLines(csv).Skip(1).Select(line => line.Split(',')).ToDictionary(fields => fields[1]);
        Assert.Equal("notebook,figure,seeds,reported,min,median,max,expected_min,expected_max,inside,values", File.ReadLines(csv).First());
        var weight = rows["first weight"];
        Assert.Equal(["sweep", "first weight", "2", "2"], weight[..4]);
        Assert.NotEqual(weight[4], weight[6]); // the offset drew other initial weights
        Assert.Equal(["-10", "10", "2"], weight[7..10]);
        Assert.Equal(new[] { weight[4], weight[6] }.Order(), weight[10].Split(' ').Order()); // each seed's value: here the min and the max
        var data = rows["data"];
        Assert.Equal([.. Enumerable.Repeat(DataFigure.ToString("R", System.Globalization.CultureInfo.InvariantCulture), 3), "0.5", "1", "0"], data[4..10]);
        Assert.Equal($"{data[4]} {data[4]}", data[10]); // the data does not move with the seed
        Assert.Equal(["sweep", "never reported", "2", "0", "", "", "", "0", "1", "0", ""], rows["never reported"]);
    }

    [Fact]
    public async Task Sweep_refuses_fewer_than_one_seed()
    {
        var (exitCode, text, _) = await Rnnbook.RunAsync("sweep", Notebook(NewFolder()), "--seeds", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--seeds must be between 1 and 1000", text);
    }

    private static JsonObject Expect(params (string Name, double Min, double Max)[] ranges)
    {
        var expect = new JsonObject();
        foreach (var (name, min, max) in ranges)
        {
            expect[name] = new JsonArray(min, max);
        }
        return new JsonObject { ["rnnnotebooks"] = new JsonObject { ["expect"] = expect } };
    }
}
