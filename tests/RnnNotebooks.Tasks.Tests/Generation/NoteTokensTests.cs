using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks.Tests.Generation;

/// <summary>Notes to pitch and duration tokens and back; the n-gram baselines on counts worked out by hand.</summary>
public sealed class NoteTokensTests
{
    private static Melody Tune(params MelodyNote[] notes) => new("t", "o", 0, "major", "4/4", notes);

    [Fact]
    public void A_note_is_a_pitch_token_then_a_duration_token_and_decodes_back()
    {
        var tune = Tune(new(60, 4), new(MelodyNote.Rest, 2), new(73, 6));

        var ids = NoteTokens.Encode(tune);

        Assert.Equal("C4 :4 rest :2 C#5 :6", NoteTokens.Vocabulary.Decode(ids, " "));
        Assert.Equal(tune.Notes, NoteTokens.Decode(ids));
        Assert.Equal(1 + 41 + 1 + 9, NoteTokens.Vocabulary.Count);
    }

    [Fact]
    public void Long_rests_split_into_duration_tokens_and_pitches_fold_into_range_by_octaves()
    {
        var ids = NoteTokens.Encode(Tune(new(MelodyNote.Rest, 56), new(36, 4), new(100, 1)));

        Assert.Equal("rest :24 rest :24 rest :8 C3 :4 E6 :1", NoteTokens.Vocabulary.Decode(ids, " "));
    }

    [Fact]
    public void A_note_of_a_length_without_a_token_is_refused_naming_the_tune_and_note()
    {
        var e = Assert.Throws<ArgumentException>(() => NoteTokens.Encode(Tune(new(60, 4), new(62, 5))));

        Assert.Contains("t: note 2 (D4:5) lasts 5 sixteenths", e.Message);
    }

    [Fact]
    public void The_unigram_is_add_alpha_over_every_event_and_the_bigram_interpolates_towards_it()
    {
        int c = NoteTokens.PitchId(60), d = NoteTokens.PitchId(62), q = NoteTokens.Vocabulary.IdOf(":4");
        int[][] train = [[c, q, c, q, d, q]];         // events: C, C, D, end -> N = 4
        int k = NoteNgramBaseline.EventCount;           // 42 pitches and rests x 9 durations + the end = 379
        double pC = (2 + 0.5) / (4 + 0.5 * k), pD = (1 + 0.5) / (4 + 0.5 * k), pEnd = (1 + 0.5) / (4 + 0.5 * k);

        var unigram = NoteNgramBaseline.Unigram(train);
        var bigram = NoteNgramBaseline.Bigram(train, beta: 2);

        Assert.Equal(379, k);
        int[][] test = [[c, q, d, q]];                   // C D end
        Assert.Equal(-(Math.Log(pC) + Math.Log(pD) + Math.Log(pEnd)) / 3, unigram.NegativeLogLikelihoodPerNote(test), 12);
        double start = (1 + 2 * pC) / (1 + 2);          // c(start, C) = 1, c(start) = 1
        double cd = (1 + 2 * pD) / (2 + 2);             // c(C, D) = 1, c(C) = 2
        double dEnd = (1 + 2 * pEnd) / (1 + 2);         // c(D, end) = 1, c(D) = 1
        Assert.Equal(-(Math.Log(start) + Math.Log(cd) + Math.Log(dEnd)) / 3, bigram.NegativeLogLikelihoodPerNote(test), 12);
    }

    [Fact]
    public void On_held_out_tunes_a_trained_RNN_beats_both_baselines()
    {
        var tunes = BundledTunes.Load().Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var train = tunes.Where((_, i) => i % 5 < 3).ToList();
        var dev = tunes.Where((_, i) => i % 5 == 3).ToList();
        var test = tunes.Where((_, i) => i % 5 == 4).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 64, seed: 1, TokenGrammars.PitchThenDuration);
        model.Train(train, dev, new TrainingOptions { Epochs = 40, BatchSize = 8, LearningRate = 0.01, Patience = 6, Seed = 1 });

        double rnn = MusicScores.NegativeLogLikelihoodPerNote(model, test);
        double unigram = NoteNgramBaseline.Unigram([.. train, .. dev]).NegativeLogLikelihoodPerNote(test);
        double bigram = NoteNgramBaseline.BigramTuned([.. train, .. dev]).NegativeLogLikelihoodPerNote(test);

        Assert.True(rnn < bigram - 0.1 && bigram < unigram, $"RNN {rnn:F3}, bigram {bigram:F3}, unigram {unigram:F3}");
    }
}
