using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks.Tests.Generation;

/// <summary>
/// The generative token model: its log-probabilities are the RNN's log-softmax (renormalised by the grammar), sampling
/// follows the seed and the grammar, training learns a toy language, and a saved model loads back to the same numbers.
/// </summary>
public sealed class TokenLanguageModelTests
{
    private static readonly TokenVocabulary Abc = new(["a", "b", "c"]);

    [Fact]
    public void Log_probabilities_are_the_log_softmax_of_the_RNN_step_by_step_the_end_included()
    {
        var model = TokenLanguageModel.Create(Abc, nA: 5, seed: 3);
        int[] sequence = [1, 3, 2];

        var logs = model.LogProbabilities(sequence);

        var cache = model.Layer.Forward(SequenceBatch.OneHot(Abc.Count, [0, 1, 3, 2])); // x = <s> a c b
        int[] targets = [1, 3, 2, 0];                                                   // y = a c b <s>
        Assert.Equal(4, logs.Length);
        for (int t = 1; t <= 4; t++)
        {
            Assert.Equal(Math.Log(cache.YHat(t)[targets[t - 1], 0]), logs[t - 1], 12);
        }
    }

    [Fact]
    public void Under_a_grammar_the_probabilities_of_the_allowed_next_tokens_sum_to_one()
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 1, TokenGrammars.PitchThenDuration);
        int c4 = NoteTokens.PitchId(60);
        var durations = Enumerable.Range(1, NoteTokens.Vocabulary.Count - 1).Where(id => NoteTokens.IsDuration(NoteTokens.Vocabulary[id])).ToList();

        // P(duration | <s> C4) over every duration token: the sequences C4 d differ only in their second token
        double total = durations.Sum(d => Math.Exp(model.LogProbabilities([c4, d])[1]));

        Assert.Equal(1.0, total, 12);
        var e = Assert.Throws<ArgumentException>(() => model.LogProbabilities([c4, c4]));
        Assert.Contains("'C4' may not follow 'C4'", e.Message);
    }

    [Fact]
    public void The_same_seed_samples_the_same_tokens_and_a_seed_sequence_starts_the_sample()
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 2, TokenGrammars.PitchThenDuration);
        int c4 = NoteTokens.PitchId(60);

        var first = model.Sample(new Sampler(5), 1.0, maxLength: 40, seed: [c4]);
        var second = model.Sample(new Sampler(5), 1.0, maxLength: 40, seed: [c4]);

        Assert.Equal(first, second);
        Assert.Equal(c4, first[0]);
        Assert.True(first.Length <= 40);
        for (int i = 0; i < first.Length; i++)
        {
            Assert.Equal(i % 2 == 1, NoteTokens.IsDuration(NoteTokens.Vocabulary[first[i]])); // the grammar: pitch, duration, pitch, ...
        }
        Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample(new Sampler(1), temperature: 0));
    }

    [Fact]
    public void Training_learns_a_toy_language_of_abc_repeated_and_samples_it()
    {
        var model = TokenLanguageModel.Create(Abc, nA: 16, seed: 1);
        var train = Enumerable.Range(1, 4).Select(n => Enumerable.Repeat(new[] { 1, 2, 3 }, n).SelectMany(x => x).ToArray()).ToList();
        double before = model.NegativeLogLikelihood(train).PerToken;

        var epochs = model.Train(train, options: new TrainingOptions { Epochs = 150, BatchSize = 4, LearningRate = 0.02 }).Epochs;

        double after = model.NegativeLogLikelihood(train).PerToken;
        Assert.Equal(150, epochs.Count);
        Assert.True(before > 1.0 && after < 0.35, $"NLL per token {before:F3} -> {after:F3}");
        var sample = Abc.Decode(model.Sample(new Sampler(1), temperature: 0.3, maxLength: 30));
        Assert.Matches("^(abc)+$", sample);
    }

    [Fact]
    public void Early_stopping_keeps_the_best_held_out_epoch()
    {
        var tunes = BundledTunes.Load().Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 16, seed: 1, TokenGrammars.PitchThenDuration);

        var epochs = model.Train(tunes.Take(30).ToList(), tunes.Skip(30).Take(10).ToList(),
            new TrainingOptions { Epochs = 200, LearningRate = 0.05, Patience = 2, BatchSize = 8 }).Epochs;

        Assert.True(epochs.Count < 200, "training never stopped early");
        double best = epochs.Min(e => e.HeldOutLoss);
        Assert.Equal(best, model.NegativeLogLikelihood(tunes.Skip(30).Take(10).ToList()).PerToken, 10);
    }

    [Fact]
    public void A_saved_model_loads_back_to_the_same_log_probabilities_and_samples()
    {
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 8, seed: 4, TokenGrammars.PitchThenDuration);
        var path = Path.Combine(TestFolders.New("rnnnotebooks-token-").FullName, "music");
        var tune = NoteTokens.Encode(BundledTunes.Load()[0].ToNaturalKey());

        model.Save(path, "music");
        var loaded = TokenLanguageModel.Load(path + ".safetensors");

        Assert.Equal(model.LogProbabilities(tune), loaded.LogProbabilities(tune));
        Assert.Equal(model.Sample(new Sampler(9)), loaded.Sample(new Sampler(9)));
        Assert.Equal(TokenGrammars.PitchThenDuration, loaded.Grammar);
        Assert.Equal(NoteTokens.Vocabulary.Tokens, loaded.Vocabulary.Tokens);
    }

    [Fact]
    public void Files_that_do_not_belong_together_are_refused_naming_the_file()
    {
        var folder = TestFolders.New("rnnnotebooks-token-").FullName;
        TokenLanguageModel.Create(Abc, nA: 4, seed: 1).Save(Path.Combine(folder, "a"), "names");
        TokenLanguageModel.Create(Abc, nA: 6, seed: 1).Save(Path.Combine(folder, "b"), "names");
        File.Copy(Path.Combine(folder, "b.json"), Path.Combine(folder, "a.json"), overwrite: true);

        var e = Assert.Throws<InvalidDataException>(() => TokenLanguageModel.Load(Path.Combine(folder, "a")));

        Assert.Contains("a.json: describes n_x = n_y = 4 (4 tokens) and n_a = 6, but the weights have n_x = 4, n_y = 4, n_a = 4", e.Message);
        Assert.Throws<FileNotFoundException>(() => TokenLanguageModel.Load(Path.Combine(folder, "missing")));
    }

    [Fact]
    public void Ids_outside_the_vocabulary_or_the_boundary_inside_a_sequence_are_refused()
    {
        var model = TokenLanguageModel.Create(Abc, nA: 4, seed: 1);

        Assert.Contains("sequences[1] holds the id 0", Assert.Throws<ArgumentException>(() => model.LogProbabilities([[1], [0, 2]])).Message);
        Assert.Contains("holds the id 4", Assert.Throws<ArgumentException>(() => model.Train([[1, 4]])).Message);
    }
}
