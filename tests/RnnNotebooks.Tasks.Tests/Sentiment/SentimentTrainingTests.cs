using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Sentiment;

public sealed class SentimentTrainingTests(ITestOutputHelper output)
{
    private static readonly SentimentSplits Splits = BundledSentiment.Load();

    [Fact]
    public void A_seeded_rnn_beats_the_bag_of_words_on_held_out_negations_and_contrasts()
    {
        var model = SentimentClassifier.Create(Splits.Train.Select(e => e.Text).ToList());
        var run = SentimentTraining.Train(model, Splits.Train, Splits.Dev, progress: e => output.WriteLine(e.ToString()));
        var baseline = BagOfWordsBaseline.Train(Tokens(Splits.Train), Splits.Train.Select(e => e.Label).ToList());
        var ordered = Splits.Test.Where(e => SentimentKinds.DependsOnOrder(e.Kind)).ToList();

        double rnn = SentimentTraining.Evaluate(model, Splits.Test).Accuracy;
        double rnnOrdered = SentimentTraining.Evaluate(model, ordered).Accuracy;
        double bow = Accuracy(baseline.Predict(Tokens(Splits.Test)), Splits.Test);
        double bowOrdered = Accuracy(baseline.Predict(Tokens(ordered)), ordered);
        output.WriteLine($"test accuracy: RNN {rnn:F3} (negated and contrast {rnnOrdered:F3}), bag of words {bow:F3} ({bowOrdered:F3}); best epoch {run.BestEpoch}");

        Assert.Equal(20, run.Epochs.Count);
        Assert.True(run.Epochs[^1].TrainLoss < run.Epochs[0].TrainLoss / 2, "the training loss should at least halve");
        Assert.InRange(rnn, 0.8, 1.0);
        Assert.InRange(bow, 0.55, 0.8);
        Assert.True(rnnOrdered > bowOrdered + 0.15, $"RNN {rnnOrdered} against bag of words {bowOrdered} on negations and contrasts");
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits()
    {
        var small = Splits.Train.Take(100).ToList();
        double[] Run()
        {
            var model = SentimentClassifier.Create(small.Select(e => e.Text).ToList(), new SentimentClassifierOptions { nE = 8, nA = 8 });
            SentimentTraining.Train(model, small, options: new SentimentTrainingOptions { Epochs = 2 });
            return model.Predict(Splits.Dev.Take(20).Select(e => e.Text).ToList());
        }

        Assert.Equal(Run(), Run());
    }

    private static List<IReadOnlyList<string>> Tokens(IEnumerable<SentimentExample> examples) =>
        examples.Select(e => SentimentTokenizer.Tokenize(e.Text)).ToList();

    private static double Accuracy(double[] p, IReadOnlyList<SentimentExample> examples) =>
        p.Zip(examples).Average(z => (z.First >= 0.5 ? 1 : 0) == z.Second.Label ? 1.0 : 0.0);
}
