using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Generation;

/// <summary>The token language model with its RNN swapped for a GRU or an LSTM, and the RNN default unchanged.</summary>
public sealed class GatedTokenLanguageModelTests(ITestOutputHelper output)
{
    private static readonly List<int[]> Tunes = BundledTunes.Load().Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();

    [Theory]
    [InlineData(RecurrentCell.Gru, 3.65)]  // seen 3.542 nats per note (8 epochs, n_a = 16, seed 1); the unigram 3.982
    [InlineData(RecurrentCell.Lstm, 3.96)] // seen 3.920
    public void A_short_seeded_run_on_the_bundled_tunes_beats_the_unigram_baseline(RecurrentCell cell, double atMost)
    {
        var train = Tunes.Take(40).ToList();
        var test = Tunes.Skip(40).Take(10).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 16, seed: 1, TokenGrammars.PitchThenDuration, cell);
        var epochs = model.Train(train, options: new TrainingOptions { Epochs = 8, BatchSize = 8, LearningRate = 0.02, Seed = 1 }).Epochs;
        double nll = MusicScores.NegativeLogLikelihoodPerNote(model, test);
        double unigram = NoteNgramBaseline.Unigram(train).NegativeLogLikelihoodPerNote(test);
        output.WriteLine($"{cell}: train loss {epochs[0].TrainLoss:F4} -> {epochs[^1].TrainLoss:F4}, test NLL per note {nll:F4}, unigram {unigram:F4}");

        Assert.Equal(cell, model.Cell);
        Assert.True(nll <= atMost, $"{cell}: test NLL per note {nll:F4} > {atMost}");
        Assert.True(nll < unigram, $"{cell}: {nll:F4} not below the unigram's {unigram:F4}");
        var melody = model.Sample(new Sampler(3), maxLength: 40, seed: [NoteTokens.PitchId(60)]);
        Assert.True(melody.Length > 2, "the sample stopped at once");
        Assert.NotEmpty(NoteTokens.Decode(melody)); // pitch and duration alternate: the grammar held
    }

    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void Sampling_one_step_at_a_time_follows_the_layer_s_forward_pass(RecurrentCell cell)
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 2, cell: cell);
        var sampled = model.Sample(new Sampler(5), maxLength: 12);
        var logs = model.LogProbabilities(sampled);

        // Replaying the same draws from the full-sequence probabilities gives the same tokens.
        var replay = new Sampler(5);
        var cache = model.Layer.Forward(SequenceBatch.OneHot(NoteTokens.Vocabulary.Count, [0, .. sampled]), null, null, null);
        for (int t = 1; t <= sampled.Length; t++)
        {
            var p = Enumerable.Range(0, cache.YHat(t).Rows).Select(i => cache.YHat(t)[i, 0]).ToArray();
            Assert.Equal(sampled[t - 1], replay.Sample(p));
            Assert.Equal(Math.Log(p[sampled[t - 1]]), logs[t - 1], 10);
        }
    }

    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void A_saved_gated_model_loads_back_to_the_same_cell_log_probabilities_and_samples(RecurrentCell cell)
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 4, TokenGrammars.PitchThenDuration, cell);
        model.Train(Tunes.Take(8).ToList(), options: new TrainingOptions { Epochs = 2, BatchSize = 4 });
        var path = Path.Combine(TestFolders.New("rnnnotebooks-token-cells-").FullName, "music");

        model.Save(path, "music");
        var loaded = TokenLanguageModel.Load(path + ".json");

        Assert.Equal(cell, loaded.Cell);
        Assert.Equal(model.LogProbabilities(Tunes[9]), loaded.LogProbabilities(Tunes[9]));
        Assert.Equal(model.Sample(new Sampler(9)), loaded.Sample(new Sampler(9)));
    }

    [Fact]
    public void A_file_saved_before_cells_could_be_chosen_loads_as_an_rnn()
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 4, TokenGrammars.PitchThenDuration);
        var loaded = SavedModels.LoadWithoutCell(path => model.Save(path, "music"), TokenLanguageModel.Load);

        Assert.Equal(RecurrentCell.Rnn, loaded.Cell);
        Assert.Equal(model.LogProbabilities(Tunes[0]), loaded.LogProbabilities(Tunes[0]));
        Assert.Equal(model.Sample(new Sampler(9)), loaded.Sample(new Sampler(9)));
    }

    [Fact]
    public void The_rnn_default_gives_the_values_the_model_gave_before_cells_could_be_chosen()
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 1, TokenGrammars.PitchThenDuration);
        model.Train(Tunes.Take(20).ToList(), options: new TrainingOptions { Epochs = 1, BatchSize = 8, Seed = 1 });

        // Printed by the code before this change (branch final16), same seeds and data.
        Assert.Equal(2.9502607418867437, model.NegativeLogLikelihood(Tunes.Skip(20).Take(10).ToList()).PerToken, 13);
        Assert.Equal([12, 49, 36, 44, 23, 44, 10, 51, 14, 46, 21, 50, 30, 43, 3, 50, 5, 50, 32, 47], model.Sample(new Sampler(3), maxLength: 20));
        Assert.IsType<Rnn>(model.Layer);
    }
}
