using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Translation;

/// <summary>
/// Notebook 05's plain encoder-decoder on the dates with an LSTM cell instead of the RNN, on the notebook's data and budget
/// (12000 pairs, n_a = 64, 3 epochs of Adam 0.005, minibatches of 32, clipped to norm 5, seed 1), greedy exact match on
/// the held-out test part. Seen here: RNN 0.002 (the notebook's figure), LSTM 0.522 (0.31-0.52 over three seeds), GRU 0.202
/// (its loss 0.33 per token after 3 epochs, the LSTM's 0.23, the RNN's 0.59). The ranges asserted are wide of what was seen, for other CPUs' last bits.
/// </summary>
public sealed class GatedDateTranslatorTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(RecurrentCell.Rnn, 0.0, 0.05)]
    [InlineData(RecurrentCell.Lstm, 0.35, 1.0)]
    [InlineData(RecurrentCell.Gru, 0.1, 1.0)]
    public void An_lstm_encoder_decoder_learns_the_dates_the_rnn_one_cannot_in_the_notebooks_budget(RecurrentCell cell, double least, double most)
    {
        var dates = DateCorpus.Generate(train: 12000, heldOut: 500, seed: 1);
        var pairs = dates.Train.Select(p => (p.Source, p.Target)).ToList();
        var translator = Translator.Create(pairs, TranslatorKind.EncoderDecoder, TokenLevel.Characters, nA: 64, nAtt: 0, seed: 1, cell: cell);

        var epochs = TranslatorTraining.Train(translator, pairs, options: TranslatorTraining.Defaults with { Epochs = 3, Seed = 1 },
            progress: e => output.WriteLine($"{cell}, epoch {e.Epoch}: loss per token {e.TrainLoss:F4} ({e.Seconds:F1} s)")).Epochs;
        var outputs = translator.Translate(dates.Test.Select(p => p.Source));
        double exactMatch = SequenceScores.ExactMatch(dates.Test.Select(p => p.Target).ToList(), outputs);
        output.WriteLine($"{cell}: greedy exact match on the test part {exactMatch:F3} ({dates.Test.Count} dates)");

        Assert.True(epochs[^1].TrainLoss < epochs[0].TrainLoss, "the loss did not fall");
        Assert.InRange(exactMatch, least, most);
    }
}
