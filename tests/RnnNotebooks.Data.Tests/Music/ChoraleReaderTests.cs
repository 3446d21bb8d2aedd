using RnnNotebooks.Data.Tests.Ner;

namespace RnnNotebooks.Data.Tests.Music;

/// <summary>The UCI chorale reader on small texts in its format, its errors, and the real file.</summary>
public sealed class ChoraleReaderTests
{
    private static string Event(int st, int pitch, int dur, int keysig = 1, int timesig = 16) =>
        $"((st {st}) (pitch {pitch}) (dur {dur}) (keysig {keysig}) (timesig {timesig}) (fermata 0))";

    [Fact]
    public void Events_become_notes_and_a_gap_between_notes_a_rest()
    {
        var text = $"(1 {Event(8, 67, 4)}{Event(12, 69, 8)}{Event(24, 71, 4)})\n\n(2 {Event(0, 60, 16, -2, 12)})\n";

        var chorales = ChoraleReader.Parse(text, "c.lisp");

        Assert.Equal(2, chorales.Count);
        Assert.Equal("G4:4 A4:8 rest:4 B4:4", string.Join(" ", chorales[0].Notes)); // 12 + 8 = 20, the next starts at 24
        Assert.Equal(("chorale 1", 1, "4/4"), (chorales[0].Title, chorales[0].KeySignature, chorales[0].Meter));
        Assert.Equal((-2, "3/4"), (chorales[1].KeySignature, chorales[1].Meter));
    }

    [Theory]
    [InlineData("(1 ((st 0) (pitch 60) (dur 4) (keysig 0) (timesig 16) (fermata 0))", 1, "", "ends in the middle of a chorale")]
    [InlineData("(1 ((st 0) (pich 60) (dur 4) (keysig 0) (timesig 16) (fermata 0)))", 1, "pich", "expected the field 'pitch'")]
    [InlineData("(1\n((st 0) (pitch sixty) (dur 4) (keysig 0) (timesig 16) (fermata 0)))", 2, "sixty", "the value of 'pitch' must be an integer")]
    [InlineData("(x ((st 0) (pitch 60) (dur 4) (keysig 0) (timesig 16) (fermata 0)))", 1, "x", "a chorale's number")]
    [InlineData("(1 ((st 0) (pitch 60) (dur 4) (keysig 0) (timesig 16) (fermata 0))\n((st 2) (pitch 62) (dur 4) (keysig 0) (timesig 16) (fermata 0)))", 2, "(st 2)", "before the previous note ends at 4")]
    [InlineData("(1 ((st 0) (pitch 60) (dur 0) (keysig 0) (timesig 16) (fermata 0)))", 1, "(pitch 60) (dur 0)", "at least 1 sixteenth")]
    public void A_malformed_text_names_the_line_and_token(string text, int line, string token, string problem)
    {
        var e = Assert.Throws<DataFormatException>(() => ChoraleReader.Parse(text, "bad.lisp"));

        Assert.Equal(("bad.lisp", line, token), (e.SourceName, e.LineNumber, e.Token));
        Assert.Contains(problem, e.Message);
    }

    [RealDataFact("music/chorales.lisp")]
    public async Task The_real_file_has_100_chorales_of_4693_notes()
    {
        var (chorales, file) = await BachChorales.LoadAsync();

        Assert.Equal(DataOrigin.EnvironmentFolder, file.Origin);
        Assert.Equal(100, chorales.Count);
        Assert.Equal(4693, chorales.Sum(c => c.Notes.Count(n => !n.IsRest)));
        Assert.All(chorales, c => Assert.InRange(c.KeySignature, -4, 4));
    }
}
