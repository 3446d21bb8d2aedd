using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;
using static RnnNotebooks.Tasks.Tests.Sentiment.TinyBatch;

namespace RnnNotebooks.Tasks.Tests.Sentiment;

public sealed class SentimentClassifierTests(ITestOutputHelper output)
{
    [Fact]
    public void The_whole_classifier_passes_the_gradient_check_with_the_loss_at_the_last_word_only()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 3, nA = 4, MinWordCount = 2, Seed = 5 });

        model.ComputeGradients(Texts, Labels);
        var results = GradientCheck.Run(model.Tensors, model.GradientTensors, () => model.BatchLoss(Texts, Labels));

        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-6} {r.Count,4} values  relative error {r.RelativeError:G2}  |analytic| {r.AnalyticNorm:G3}");
        }
        Assert.Equal(["E", "Waa", "Wax", "Wya", "Ba", "By"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
        Assert.All(results, r => Assert.True(r.AnalyticNorm > 1e-4, $"{r.Name} got no gradient: {r}"));
        Assert.All(model.Embedding.dE.Column(WordVocabulary.PadId), v => Assert.Equal(0.0, v)); // padding trains nothing
    }

    [Fact]
    public void The_loss_of_a_batch_is_the_mean_of_each_sentence_s_loss_at_its_last_word()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 3, nA = 4, Seed = 2 });

        double alone = Enumerable.Range(0, Texts.Length).Average(i =>
        {
            double p = model.StepProbabilities(Texts[i]).YHat[^1];
            return -(Labels[i] * Math.Log(p) + (1 - Labels[i]) * Math.Log(1 - p));
        });

        Assert.Equal(alone, model.BatchLoss(Texts, Labels), 12);
        Assert.Equal(model.Predict(Texts[1]), model.StepProbabilities(Texts[1]).YHat[^1], 14);
    }

    [Fact]
    public void An_empty_text_gets_sigmoid_of_by_and_unknown_words_read_as_unk()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 3, nA = 4, Seed = 2 });
        model.Layer.Parameters.By[0] = 0.7;

        var p = model.Predict(["", "   ", "qwerty asdf", "xyzzy plugh"]);

        Assert.Equal(1 / (1 + Math.Exp(-0.7)), p[0], 15);
        Assert.Equal(p[0], p[1]);
        Assert.Equal(p[2], p[3]); // both are <unk> <unk>
        Assert.Throws<ArgumentException>(() => model.StepProbabilities(" "));
    }

    [Fact]
    public void Save_and_load_give_the_same_predictions_bit_for_bit()
    {
        var splits = BundledSentiment.Load();
        var model = SentimentClassifier.Create(splits.Train.Select(e => e.Text).ToList(), new SentimentClassifierOptions { nE = 8, nA = 8 });
        SentimentTraining.Train(model, splits.Train.Take(200).ToList(), options: new SentimentTrainingOptions { Epochs = 1 });
        string path = Path.Combine(Path.GetTempPath(), $"sentiment-{Guid.NewGuid():N}", "sentiment");
        var texts = splits.Test.Select(e => e.Text).Append("").Append("zzz unknown words").ToList();
        try
        {
            model.Save(path + ".safetensors");
            var loaded = SentimentClassifier.Load(path);

            Assert.Equal(model.Predict(texts), loaded.Predict(texts));
            Assert.Equal(model.Words.Words, loaded.Words.Words);
            Assert.Contains("\"Format\": \"rnnnotebooks-sentiment-classifier/1\"", File.ReadAllText(path + ".json"));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        }
    }

    [Fact]
    public void A_missing_or_mismatched_file_is_named()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"sentiment-{Guid.NewGuid():N}");
        try
        {
            var e = Assert.Throws<FileNotFoundException>(() => SentimentClassifier.Load(Path.Combine(folder, "none")));
            Assert.Contains("none.json", e.Message);

            var a = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 3, nA = 4 });
            var b = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 5, nA = 4 });
            a.Save(Path.Combine(folder, "a"));
            b.Save(Path.Combine(folder, "b"));
            File.Copy(Path.Combine(folder, "b.safetensors"), Path.Combine(folder, "a.safetensors"), overwrite: true);
            var mismatch = Assert.Throws<InvalidDataException>(() => SentimentClassifier.Load(Path.Combine(folder, "a")));
            Assert.Contains("a.json", mismatch.Message);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
