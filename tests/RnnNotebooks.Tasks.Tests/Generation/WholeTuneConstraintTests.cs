using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Generation;

/// <summary>Length-controlled sampling: the masks worked out by hand, then many sampled tunes checked note by note.</summary>
public sealed class WholeTuneConstraintTests
{
    private static readonly TokenVocabulary Music = NoteTokens.Vocabulary;

    private static readonly Lazy<TokenLanguageModel> Trained = new(() =>
    {
        var tunes = BundledTunes.Load().Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var model = TokenLanguageModel.Create(Music, nA: 16, seed: 1, TokenGrammars.PitchThenDuration);
        model.Train(tunes, options: new TrainingOptions { Epochs = 4, BatchSize = 8, LearningRate = 0.02 });
        return model;
    });

    private static int[] Ids(string tokens) => tokens.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Music.IdOf).ToArray();

    private static string AllowedText(WholeTuneConstraint constraint, string tokens)
    {
        var allowed = constraint.Allowed(Ids(tokens));
        return string.Join(" ", Enumerable.Range(0, Music.Count).Where(i => allowed[i]).Select(i => Music[i]));
    }

    [Fact]
    public void In_one_bar_of_eight_sixteenths_only_the_tonic_fills_the_tune_starts_the_last_beat_and_lasts_to_the_end()
    {
        var constraint = new WholeTuneConstraint(bars: 1, barLength: 8, tonic: 0);

        Assert.False(constraint.Allowed([])[0]);                        // no end before the bar is full
        Assert.Equal(42, constraint.Allowed([]).Count(a => a));         // 41 pitches and the rest
        Assert.Equal(":1 :2 :3 :4 :6", AllowedText(constraint, "D4"));  // D4 :8 would end the tune on D
        Assert.Equal(":1 :2 :3 :4 :6", AllowedText(constraint, "rest"));
        Assert.Equal(":1 :2 :3 :4 :6 :8", AllowedText(constraint, "C5"));
        Assert.Equal("<s>", AllowedText(constraint, "C4 :8"));
        Assert.Equal("C3 C4 C5 C6", AllowedText(constraint, "D4 :4"));  // the last beat: only the tonic
        Assert.Equal("C3 C4 C5 C6", AllowedText(constraint, "D4 :6"));
        Assert.Equal(":2", AllowedText(constraint, "D4 :6 C4"));        // and it lasts to the end
        Assert.Equal(4, constraint.LastBeat);
    }

    [Fact]
    public void No_duration_crosses_a_bar_line_and_a_minimum_of_notes_sets_a_pace_and_leaves_a_sixteenth_for_each_note_owed()
    {
        var waltz = new WholeTuneConstraint(bars: 2, barLength: 12, tonic: 9);
        var fourNotes = new WholeTuneConstraint(bars: 1, barLength: 16, tonic: 0, minimumNotes: 4);

        Assert.Equal(":1 :2 :3 :4", AllowedText(waltz, "E4 :8 F4"));          // 4 sixteenths left in the bar
        Assert.Equal(":1 :2 :3 :4 :6 :8 :12", AllowedText(waltz, "E4 :12 A4")); // a new bar; A is the tonic of A minor
        Assert.Equal(":1 :2 :3 :4 :6 :8", AllowedText(fourNotes, "C4"));       // 4 notes owed: at most 2 x 16 / 4 = 8 (the pace)
        Assert.Equal(":1 :2 :3 :4", AllowedText(fourNotes, "C4 :8 D4"));       // 8 left, 3 owed: at most 2 x 8 / 3, 5.3
        Assert.Equal(":1 :2 :3 :4", AllowedText(fourNotes, "C4 :8 D4 :2 E4")); // 6 left, 1 owed after E4: at most 5
        Assert.Equal(":4", AllowedText(fourNotes, "C4 :8 D4 :2 E4 :2 C5"));  // the fourth note, a tonic in the last beat: to the end
        Assert.Equal(":1 :2 :3", AllowedText(fourNotes, "C4 :8 D4 :4 C5"));    // the third: a note still owed, so it may not fill
    }

    [Fact]
    public void The_meter_sets_the_bar_length_and_a_quarter_note_per_beat_of_notes_at_least()
    {
        var eight = WholeTuneConstraint.ForMeter("4/4", 8);

        Assert.Equal((16, 128, 32), (eight.BarLength, eight.TotalLength, eight.MinimumNotes));
        Assert.Equal(12, WholeTuneConstraint.BarLengthOf("6/8"));
        Assert.Equal(12, WholeTuneConstraint.BarLengthOf("3/4"));
        Assert.Equal(16, WholeTuneConstraint.BarLengthOf("C"));
        Assert.Equal(8, WholeTuneConstraint.BarLengthOf(" 2/4 "));
        Assert.Equal(7, WholeTuneConstraint.BarLengthOf("7/16"));
    }

    [Theory]
    [InlineData("4/4", 0, "the number of bars must be 1..128; got 0")]
    [InlineData("4/4", 10_000, "the number of bars must be 1..128; got 10000")]
    [InlineData("4/0", 8, "'4/0' is not a meter such as 4/4")]
    [InlineData("waltz", 8, "'waltz' is not a meter such as 4/4")]
    [InlineData("99/4", 8, "'99/4' is not a meter such as 4/4, 3/4 or 6/8 (a bar of 1..48 sixteenths)")]
    [InlineData("3/5", 8, "'3/5' is not a meter")]
    public void Bad_bars_or_meters_are_refused_with_what_was_wrong(string meter, int bars, string message)
    {
        var e = Assert.ThrowsAny<ArgumentException>(() => WholeTuneConstraint.ForMeter(meter, bars));

        Assert.Contains(message, e.Message);
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn, "4/4", 8, 0)]
    [InlineData(RecurrentCell.Rnn, "3/4", 5, 9)]
    [InlineData(RecurrentCell.Rnn, "6/8", 1, 0)]
    [InlineData(RecurrentCell.Lstm, "4/4", 8, 0)]
    public void Every_sampled_tune_fills_its_bars_exactly_keeps_bar_lines_and_ends_on_the_tonic(RecurrentCell cell, string meter, int bars, int tonic)
    {
        var length = WholeTuneConstraint.ForMeter(meter, bars, tonic);
        var model = cell == RecurrentCell.Rnn ? Trained.Value : TokenLanguageModel.Create(Music, nA: 8, seed: 3, TokenGrammars.PitchThenDuration, cell);

        for (int seed = 0; seed < 40; seed++)
        {
            foreach (double temperature in new[] { 0.5, 1.0, 2.0 })
            {
                var notes = NoteTokens.Decode(model.Sample(new Sampler(seed), temperature, 2 * length.TotalLength + 2, [NoteTokens.PitchId(60)], length));

                string where = $"seed {seed}, T = {temperature}: {string.Join(" ", notes)}";
                Assert.True(notes.Sum(n => n.Duration) == length.TotalLength, where);
                Assert.True(notes.Count >= length.MinimumNotes, where);
                Assert.True(!notes[^1].IsRest && notes[^1].Pitch % 12 == tonic, where);
                int start = 0;
                foreach (var note in notes)
                {
                    Assert.True(start / length.BarLength == (start + note.Duration - 1) / length.BarLength, $"{note} at {start} crosses a bar line; {where}");
                    start += note.Duration;
                }
            }
        }
        Assert.True(WholeTuneConstraint.ForMeter("4/4", 8).MinimumNotes >= 32);
    }

    [Fact]
    public void The_end_token_drawn_by_a_trained_model_is_masked_so_the_tune_is_longer_than_it_would_be()
    {
        var free = Enumerable.Range(0, 20).Select(s => NoteTokens.Decode(Trained.Value.Sample(new Sampler(s), 1.0, 128, [NoteTokens.PitchId(60)])).Sum(n => n.Duration)).ToList();
        var length = WholeTuneConstraint.ForMeter("4/4", 16);

        var held = Enumerable.Range(0, 20).Select(s => NoteTokens.Decode(Trained.Value.Sample(new Sampler(s), 1.0, 600, [NoteTokens.PitchId(60)], length)).Sum(n => n.Duration));

        Assert.Contains(free, d => d < 256); // left alone, the model ends some tunes sooner
        Assert.All(held, d => Assert.Equal(256, d));
    }

    /// <summary>Allows C4 or D4 first, then :4, then only the end.</summary>
    private sealed class TwoNotes : ISamplingConstraint
    {
        public bool[] Allowed(IReadOnlyList<int> tokens)
        {
            var allowed = new bool[Music.Count];
            int[] open = tokens.Count switch { 0 => [NoteTokens.PitchId(60), NoteTokens.PitchId(62)], 1 => [Music.IdOf(":4")], _ => [0] };
            foreach (int id in open)
            {
                allowed[id] = true;
            }
            return allowed;
        }
    }

    [Fact]
    public void A_masked_draw_is_the_model_s_probability_renormalised_over_what_the_mask_leaves()
    {
        var model = TokenLanguageModel.Create(Music, nA: 6, seed: 4, TokenGrammars.PitchThenDuration);
        int c4 = NoteTokens.PitchId(60), d4 = NoteTokens.PitchId(62);
        double logC = model.LogProbabilities([c4, Music.IdOf(":4")])[0], logD = model.LogProbabilities([d4, Music.IdOf(":4")])[0];
        double pC = Math.Exp(logC) / (Math.Exp(logC) + Math.Exp(logD)); // P(C4 | C4 or D4), by hand

        int agree = 0, drawnC = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            double u = Seeds.Random(seed).NextDouble();                // the sampler's first uniform number
            var tokens = model.Sample(new Sampler(seed), constraint: new TwoNotes());
            Assert.Equal(2, tokens.Length);                           // the end came only when the mask allowed nothing else
            Assert.Equal(Music.IdOf(":4"), tokens[1]);
            if (Math.Abs(u - pC) > 1e-9)
            {
                agree += tokens[0] == (u < pC ? c4 : d4) ? 1 : 0;     // C4 has the lower id: it owns [0, pC)
                drawnC += tokens[0] == c4 ? 1 : 0;
            }
            else
            {
                agree++;
            }
        }

        Assert.Equal(200, agree);
        Assert.InRange(pC, 0.05, 0.95); // a real choice between the two, so both are drawn
        Assert.InRange(drawnC, 1, 199);
    }

    [Fact]
    public void A_prompt_is_parsed_note_by_note_and_an_empty_one_is_no_tokens()
    {
        Assert.Equal(Ids("C4 :4 E4 :2 rest :2 G4"), NoteTokens.ParsePrompt(" C4:4  E4:2 rest:2 G4 "));
        Assert.Empty(NoteTokens.ParsePrompt(""));
        Assert.Empty(NoteTokens.ParsePrompt("   "));
    }

    [Theory]
    [InlineData("H4:4", "prompt note 1 'H4:4': 'H4' is not a pitch from C3 to E6")]
    [InlineData("C4:4 Db4:4", "prompt note 2 'Db4:4': 'Db4' is not a pitch")]
    [InlineData("C4:5", "prompt note 1 'C4:5': '5' is not a duration in sixteenths among 1, 2, 3, 4, 6, 8, 12, 16, 24")]
    [InlineData("C4 E4:2", "prompt note 1 'C4' is not PITCH:SIXTEENTHS")]
    [InlineData("C4:4:4", "prompt note 1 'C4:4:4' is not PITCH:SIXTEENTHS")]
    [InlineData(":4", "prompt note 1 ':4': '' is not a pitch")]
    [InlineData("<s>", "prompt note 1 '<s>': '<s>' is not a pitch")]
    public void A_garbage_prompt_is_refused_naming_the_note(string prompt, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => NoteTokens.ParsePrompt(prompt));

        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void A_prompt_of_ten_thousand_characters_is_refused_before_it_is_read()
    {
        var e = Assert.Throws<ArgumentException>(() => NoteTokens.ParsePrompt(string.Concat(Enumerable.Repeat("C4:4 ", 2000))));

        Assert.Contains("the prompt has 10000 characters; at most 1000", e.Message);
    }

    [Fact]
    public void A_prompt_note_across_a_bar_line_or_past_the_bars_is_refused_naming_the_token()
    {
        var length = WholeTuneConstraint.ForMeter("4/4", 1);

        var across = Assert.Throws<ArgumentException>(() => Trained.Value.Sample(new Sampler(1), seed: Ids("C4 :12 E4 :8"), constraint: new WholeTuneConstraint(bars: 2, barLength: 16, minimumNotes: 2)));
        var filled = Assert.Throws<ArgumentException>(() => Trained.Value.Sample(new Sampler(1), seed: Ids("C4 :4 D4 :4 E4 :4 F4 :4"), constraint: length));
        var fine = NoteTokens.Decode(Trained.Value.Sample(new Sampler(1), maxLength: 40, seed: Ids("C4 :4 E4 :4"), constraint: length));

        Assert.Contains("seed token 4 (':8' after 'C4 :12 E4') is not allowed there: 2 bars of 16 sixteenths, no note across a bar line, at least 2 notes, only the tonic (C) in the last beat", across.Message);
        Assert.Contains("seed token 7 ('F4' after 'C4 :4 D4 :4 E4 :4')", filled.Message); // the last beat is the tonic's
        Assert.Equal([new MelodyNote(60, 4), new MelodyNote(64, 4)], fine.Take(2));
        Assert.Equal(16, fine.Sum(n => n.Duration));
    }

    [Fact]
    public void A_seed_of_unknown_ids_is_refused_when_sampling_with_a_constraint()
    {
        var length = WholeTuneConstraint.ForMeter("4/4", 2);

        var e = Assert.Throws<ArgumentException>(() => Trained.Value.Sample(new Sampler(1), seed: [NoteTokens.PitchId(60), 99], constraint: length));

        Assert.Contains("seed token 2 has the id 99; ids must be in 1..51", e.Message);
    }
}
