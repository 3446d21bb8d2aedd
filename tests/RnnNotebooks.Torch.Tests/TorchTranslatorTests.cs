using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// Notebook 05's translator with attention written the TorchSharp way: it learns the generated dates, its attention
/// never looks at padding, and bad input is refused with a message that says where.
/// </summary>
[Collection(TorchSeedCollection.Name)]
public sealed class TorchTranslatorTests(ITestOutputHelper output)
{
    [Fact]
    public void The_torchsharp_attention_translator_writes_held_out_dates_exactly()
    {
        var dates = DateCorpus.Generate(train: 2000, heldOut: 200, seed: 1);
        var pairs = dates.Train.Select(p => (p.Source, p.Target)).ToList();
        using var translator = TorchTranslator.Create(pairs, TokenLevel.Characters, nE: 16, nA: 32, nAtt: 32, seed: 1, RecurrentCell.Gru);

        var epochs = translator.Train(pairs, new TrainingOptions { Epochs = 4, BatchSize = 64, LearningRate = 0.01, Seed = 1 },
            e => output.WriteLine($"epoch {e.Epoch}: loss per token {e.TrainLoss:F4} ({e.Seconds:F1} s)"));
        var written = translator.Translate(dates.Test.Select(p => p.Source).ToList());
        double exact = SequenceScores.ExactMatch(dates.Test.Select(p => p.Target).ToList(), written);
        double years = SequenceScores.ExactMatch(dates.UnseenYears.Select(p => p.Target).ToList(),
            translator.Translate(dates.UnseenYears.Select(p => p.Source).ToList()));

        output.WriteLine($"test exact match {exact:F3}, unseen years {years:F3}; {dates.Test[0].Source} -> {written[0]}");
        Assert.True(epochs[^1].TrainLoss < 0.1 * epochs[0].TrainLoss, $"loss {epochs[0].TrainLoss:F3} -> {epochs[^1].TrainLoss:F3}");
        Assert.InRange(exact, 0.9, 1.0);                                   // 0.970 seen
        Assert.InRange(years, 0.6, 1.0);                                   // 0.955 seen: years never seen in training are harder
    }

    [Fact]
    public void Logits_have_one_row_per_output_step_and_attention_gives_padding_no_weight()
    {
        TorchSetup.EnsureLoaded();
        random.manual_seed(4);
        using var module = new TorchTranslationModule(sourceVocabulary: 9, targetVocabulary: 7, nE: 3, nA: 4, nAtt: 5, RecurrentCell.Lstm);
        var (source, lengths) = TokenIds.Padded([[4, 5, 6, 3], [7, 3]], padId: 0, CPU, "source");
        var (previous, _) = TokenIds.Padded([[2, 4, 5], [2, 6, 6]], padId: 0, CPU, "previous");

        using var noGrad = no_grad();
        var logits = module.forward(source, lengths, previous);
        var (ids, alpha) = module.Greedy(source, lengths, maxLength: 6);

        Assert.Equal([3L, 2L, 7L], logits.shape);
        Assert.Equal([6L, 2L], ids.shape);
        Assert.Equal([6L, 4L, 2L], alpha.shape);                                           // (Ty, Tx, m)
        Assert.Equal(0, alpha[TensorIndex.Colon, TensorIndex.Slice(2), 1].abs().sum().item<float>());   // the padding of sequence 1
        Assert.True(allclose(alpha.sum(dim: 1), ones(6, 2)), "the weights of each step sum to 1");
    }

    [Fact]
    public void An_output_id_outside_the_vocabulary_and_an_empty_batch_are_refused_with_clear_messages()
    {
        using var translator = TorchTranslator.Create([("3 March 2021", "2021-03-03")], TokenLevel.Characters, nE: 3, nA: 4, nAtt: 5, seed: 1);
        var (source, lengths) = TokenIds.Padded([[4, 5, 3]], padId: 0, CPU, "source");

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => translator.Module.forward(source, lengths, tensor(new long[] { 2, 99 }, [2, 1], int64)));
        Assert.Contains("id 99 at step 2 of sequence 0", e.Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => translator.Translate([])).Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => translator.Train([])).Message);
    }
}
