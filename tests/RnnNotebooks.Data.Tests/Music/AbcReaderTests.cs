namespace RnnNotebooks.Data.Tests.Music;

/// <summary>The ABC reader on hand-written tunes whose notes are worked out by hand, its errors, and the bundled tunes.</summary>
public sealed class AbcReaderTests
{
    private static Melody One(string body, string key = "C", string unit = "1/8") =>
        Assert.Single(AbcReader.Parse($"X:1\nT:Test\nO:here\nM:4/4\nL:{unit}\nK:{key}\n{body}\n", "test.abc"));

    private static string Notes(Melody melody) => string.Join(" ", melody.Notes);

    [Fact]
    public void Letters_octave_marks_and_lengths_give_midi_pitches_and_sixteenths()
    {
        // L:1/8: C is middle C (60) for 2 sixteenths; c an octave up; C, an octave down; 2 doubles, /2 halves, 3/2, / = /2
        var melody = One("C c C, c' D2 E/2 F3/2 G/ z4 |]");

        Assert.Equal("C4:2 C5:2 C3:2 C6:2 D4:4 E4:1 F4:3 G4:1 rest:8", Notes(melody));
        Assert.Equal("Test", melody.Title);
        Assert.Equal("here", melody.Origin);
        Assert.Equal("4/4", melody.Meter);
    }

    [Fact]
    public void The_key_signature_applies_and_an_accidental_holds_to_the_end_of_its_bar()
    {
        // K:D: F and C are sharp. =F cancels it for the rest of the bar only; ^G and _B are explicit.
        var melody = One("F C =F F | F ^G _B B |]", key: "D");

        Assert.Equal("F#4:2 C#4:2 F4:2 F4:2 F#4:2 G#4:2 A#4:2 A#4:2", Notes(melody));
        Assert.Equal(2, melody.KeySignature);
        Assert.Equal("major", melody.Mode);
    }

    [Fact]
    public void Ties_join_notes_and_broken_rhythm_dots_one_and_halves_the_other()
    {
        var melody = One("C2- C2 D>E F<G |]");

        Assert.Equal("C4:8 D4:3 E4:1 F4:1 G4:3", Notes(melody));
    }

    [Fact]
    public void Repeats_play_their_section_twice_and_first_endings_are_skipped_the_second_time()
    {
        var melody = One("C D |: E F :| G |: A [1 B :| [2 c |]");

        Assert.Equal("C4:2 D4:2 E4:2 F4:2 E4:2 F4:2 G4:2 A4:2 B4:2 A4:2 C5:2", Notes(melody));
    }

    [Fact]
    public void Chord_symbols_slurs_and_comments_are_ignored_and_blank_lines_separate_tunes()
    {
        var tunes = AbcReader.Parse("% a file\nX:1\nT:One\nK:C\n\"C\"(CD) E % comment\n\nX:2\nT:Two\nK:Am\nA\n", "two.abc");

        Assert.Equal(["One", "Two"], tunes.Select(t => t.Title));
        Assert.Equal("C4:2 D4:2 E4:2", Notes(tunes[0]));
        Assert.Equal((0, "minor"), (tunes[1].KeySignature, tunes[1].Mode));
    }

    [Theory]
    [InlineData("C (3DEF |]", 7, "(3", "tuplets are not supported")]
    [InlineData("C {D}E |]", 7, "{", "grace notes are not supported")]
    [InlineData("C [CEG] |]", 7, "[CE", "chords and inline fields")]
    [InlineData("C2- D2 |]", 7, "D2", "a tie joins notes of the same pitch")]
    [InlineData("C/3 |]", 7, "C/3", "not a whole number of sixteenth notes")]
    [InlineData("C D :| E |]\nK:G", 8, "K:G", "a field inside the tune's music")]
    [InlineData("C $ D", 7, "$", "not a note, rest or bar line")]
    public void Music_outside_the_subset_names_the_file_line_and_token(string body, int line, string token, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => One(body));

        Assert.Equal(("test.abc", line, token), (e.SourceName, e.LineNumber, e.Token));
        Assert.StartsWith($"test.abc:{line}: '{token}': ", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void A_tune_without_a_key_or_an_unknown_key_is_refused()
    {
        var noKey = Assert.Throws<DataFormatException>(() => AbcReader.Parse("X:1\nT:No key\nM:4/4\n", "k.abc"));
        var unknown = Assert.Throws<DataFormatException>(() => AbcReader.Parse("X:1\nT:Odd\nK:H\nC\n", "k.abc"));
        var noTitle = Assert.Throws<DataFormatException>(() => AbcReader.Parse("X:1\nK:C\nC\n", "k.abc"));

        Assert.Contains("no K: (key) field", noKey.Message);
        Assert.Equal("k.abc:3: 'H': not a key this reader knows (e.g. C, G, Em, Ador, Bb, F#m).", unknown.Message);
        Assert.Equal(("k.abc", 1), (noTitle.SourceName, noTitle.LineNumber));
    }

    [Fact]
    public void The_bundled_tunes_are_at_least_40_each_with_a_title_an_origin_and_notes()
    {
        var tunes = BundledTunes.Load();

        Assert.Equal(55, tunes.Count);
        Assert.All(tunes, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Title));
            Assert.False(string.IsNullOrWhiteSpace(t.Origin), $"{t.Title} has no origin");
            Assert.True(t.Notes.Count >= 10, $"{t.Title} has {t.Notes.Count} notes");
        });
        Assert.Equal(tunes.Count, tunes.Select(t => t.Title).Distinct().Count());
        Assert.Equal("C4:4 D4:4 E4:4 C4:4", string.Join(" ", tunes.Single(t => t.Title == "Frere Jacques").Notes.Take(4)));
    }
}
