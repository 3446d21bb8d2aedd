using System.Globalization;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook predict sentiment</c> end to end: a classifier trained and saved here, then sentences in and labels out.</summary>
[Collection(NotebookCollection.Name)]
public sealed class SentimentPredictTests
{
    private static readonly Lazy<string> Model = new(TrainAndSave);

    /// <summary>A small GRU classifier reading [a&lt;T&gt;; max_t a&lt;t&gt;] (as notebook 06 saves), trained for a few epochs on the bundled set, saved to a temporary folder.</summary>
    private static string TrainAndSave()
    {
        var splits = BundledSentiment.Load(BundledSentiment.FindFolder(Repository.Layout.Root));
        var model = SentimentClassifier.Create(splits.Train.Select(e => e.Text).ToList(), new SentimentClassifierOptions
        {
            Cell = RecurrentCell.Gru, Pooling = SentimentPooling.Last | SentimentPooling.Max, nE = 16, nA = 16,
        });
        SentimentTraining.Train(model, splits.Train, options: new SentimentTrainingOptions { Epochs = 2, EmbeddingDropout = 0.3 });
        var path = Path.Combine(TestNotebook.NewFolder(), "sentiment");
        model.Save(path);
        return path;
    }

    [Fact]
    public async Task Each_line_gets_a_label_a_tab_and_p_positive_an_empty_line_the_prior_and_unknown_words_an_answer()
    {
        string longLine = string.Concat(Enumerable.Repeat("great food, bad service; ", 400)); // 10,000 characters, 2,400 tokens
        string[] lines = ["The food was great.", "", "Zorblax quimbly frobnicated!!", "   ", "It wasn't bad at all, but the service ruined it.",
            longLine, "😀 ñandú 中文   ☃ �", "​"];
        var model = SentimentClassifier.Load(Model.Value);

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "sentiment", "--model", Model.Value + ".safetensors"],
            string.Join('\n', lines) + "\n");

        Assert.True(exitCode == 0, errors);
        var answers = output.TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Length, answers.Length);
        var expected = model.Predict(lines);
        for (int i = 0; i < lines.Length; i++)
        {
            var parts = answers[i].Split('\t');
            double p = double.Parse(parts[1], CultureInfo.InvariantCulture);
            Assert.Equal(expected[i] >= 0.5 ? "1" : "0", parts[0]);
            Assert.Equal(Math.Round(expected[i], 4), p, 10);
        }
        Assert.Equal(10_000, longLine.Length);
        double prior = 1 / (1 + Math.Exp(-model.Tensors[^1].Values[0])); // the pooled head's by
        Assert.Equal(prior, expected[1], 15); // an empty line: yHat<0> = sigmoid(by)
        Assert.Equal(answers[1], answers[3]);
    }

    [Fact]
    public async Task A_missing_model_names_the_notebook_that_makes_it()
    {
        var missing = Path.Combine(TestNotebook.NewFolder(), "sentiment.safetensors");

        var (exitCode, _, errors) = await Rnnbook.RunAsync(["predict", "sentiment", "--model", missing], "good\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("notebooks/06-many-to-one-sentiment.ipynb trains and saves it", errors);
    }
}
