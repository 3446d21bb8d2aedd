using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Tests;

/// <summary>Notebook 06's classifier written the TorchSharp way: it learns the bundled set, masks padding, refuses bad input.</summary>
[Collection(TorchSeedCollection.Name)]
public sealed class TorchSentimentClassifierTests(ITestOutputHelper output)
{
    [Fact]
    public void The_torchsharp_gru_classifier_learns_the_bundled_set_in_six_epochs()
    {
        var bundled = BundledSentiment.Load();
        using var classifier = TorchSentimentClassifier.Create(bundled.Train.Select(e => e.Text).ToList(), new SentimentClassifierOptions { Seed = 1 },
            RecurrentCell.Gru);

        var result = classifier.Train(bundled.Train, bundled.Dev, new SentimentTrainingOptions { Epochs = 6, Seed = 1 },
            e => output.WriteLine($"epoch {e.Epoch}: train {e.TrainLoss:F3}, dev {e.HeldOutLoss:F3}, dev accuracy {e.HeldOutScore:F3} ({e.Seconds:F1} s)"));
        var (testLoss, testAccuracy) = classifier.Evaluate(bundled.Test);

        output.WriteLine($"device {classifier.Device.type}, best epoch {result.BestEpoch}, test loss {testLoss:F3}, test accuracy {testAccuracy:F3}");
        Assert.Equal("CPU", classifier.Device.type.ToString());
        Assert.True(result.Epochs[^1].TrainLoss < 0.6 * result.Epochs[0].TrainLoss, $"loss {result.Epochs[0].TrainLoss:F3} -> {result.Epochs[^1].TrainLoss:F3}");
        Assert.InRange(testAccuracy, 0.85, 1.0);   // 0.915 seen
    }

    [Fact]
    public void Padding_changes_nothing_the_logit_is_read_at_each_sentences_own_last_word()
    {
        TorchSetup.EnsureLoaded();
        random.manual_seed(3);
        using var module = new TorchSentimentModule(vocabulary: 10, nE: 4, nA: 5, RecurrentCell.Lstm);
        var (ids, lengths) = TokenIds.Padded([[2, 3, 4, 5, 6], [7, 8], [9]], padId: 0, CPU, "batch");

        using var noGrad = no_grad();
        var batched = module.forward(ids, lengths);
        var alone = module.forward(tensor(new long[] { 7, 8 }, [2, 1], int64), tensor(new long[] { 2 }, int64));

        Assert.Equal([5L, 3L], ids.shape);
        Assert.Equal(0, ids[TensorIndex.Slice(2), 1].abs().sum().item<long>());   // padded with id 0 after each end
        Assert.Equal(0, ids[TensorIndex.Slice(1), 2].abs().sum().item<long>());
        Assert.Equal([3L], batched.shape);
        Assert.Equal(alone[0].item<float>(), batched[1].item<float>(), 5);
    }

    [Fact]
    public void A_word_id_outside_the_vocabulary_is_named_with_its_step_and_sentence()
    {
        TorchSetup.EnsureLoaded();
        using var module = new TorchSentimentModule(vocabulary: 10, nE: 4, nA: 5, RecurrentCell.Rnn);
        var ids = tensor(new long[] { 2, 3, 4, 10 }, [2, 2], int64);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => module.forward(ids, tensor(new long[] { 2, 2 }, int64)));
        Assert.Contains("id 10 at step 2 of sequence 1", e.Message);
    }

    [Fact]
    public void An_empty_batch_or_a_sentence_without_tokens_is_refused_with_a_clear_message()
    {
        using var classifier = TorchSentimentClassifier.Create(["a good film", "a bad film"], new SentimentClassifierOptions { MinWordCount = 1 });

        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => classifier.Predict([])).Message);
        Assert.Contains("sentence 1 ('  ') has no tokens", Assert.Throws<ArgumentException>(() => classifier.Predict(["good", "  "])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => TokenIds.Padded([], 0, CPU, "batch")).Message);
    }
}
