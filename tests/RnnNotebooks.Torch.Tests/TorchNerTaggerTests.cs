using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Torch.Tests;

/// <summary>Notebook 04's tagger written the TorchSharp way learns the bundled set as the core's does.</summary>
[Collection(TorchSeedCollection.Name)]
public sealed class TorchNerTaggerTests(ITestOutputHelper output)
{
    [Fact]
    public void The_torchsharp_tagger_learns_the_bundled_set_well_above_the_baseline()
    {
        var bundled = BundledNer.Load();
        var train = NerSplits.SentencesOf(bundled.Train);
        var test = NerSplits.SentencesOf(bundled.Test);
        using var tagger = TorchNerTagger.Create(train, new NerTaggerOptions { Seed = 1 });

        var losses = tagger.Train(train, new NerTrainingOptions { Epochs = 8, Seed = 1 }, (epoch, loss) => output.WriteLine($"epoch {epoch}: loss {loss:F3}"));
        double f1 = tagger.F1(test);
        double baseline = EntityScorer.Score(test, MostFrequentTagBaseline.Train(train).Predict(test.Select(s => s.Tokens).ToList())).Micro.F1;

        output.WriteLine($"device {tagger.Device.type}, test F1 {f1:F3}, baseline {baseline:F3}");
        Assert.Equal("CPU", tagger.Device.type.ToString());
        Assert.True(losses[^1] < 0.5 * losses[0], $"loss {losses[0]:F3} -> {losses[^1]:F3}");
        Assert.InRange(f1, baseline + 0.15, 1.0);
        Assert.Equal(test[0].Length, tagger.Predict([test[0].Tokens])[0].Count);
    }
}
