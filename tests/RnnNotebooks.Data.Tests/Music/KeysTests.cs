namespace RnnNotebooks.Data.Tests.Music;

/// <summary>ABC key names to key signatures, the notes they alter, and the move to C major or A minor.</summary>
public sealed class KeysTests
{
    [Theory]
    [InlineData("C", 0, "major")]
    [InlineData("G", 1, "major")]
    [InlineData("Em", 1, "minor")]
    [InlineData("Ador", 1, "dorian")]
    [InlineData("Dmix", 1, "mixolydian")]
    [InlineData("Bb", -2, "major")]
    [InlineData("F#m", 3, "minor")]
    [InlineData("Eb", -3, "major")]
    [InlineData("A", 3, "major")]
    [InlineData("Dm", -1, "minor")]
    public void Key_names_give_their_sharps_or_flats(string key, int signature, string mode)
    {
        Assert.Equal((signature, mode), Keys.Parse(key));
    }

    [Theory]
    [InlineData("H")]
    [InlineData("Cxyz")]
    [InlineData("")]
    public void A_name_that_is_no_key_gives_null(string key) => Assert.Null(Keys.Parse(key));

    [Fact]
    public void Sharps_come_in_the_order_F_C_G_and_flats_B_E_A()
    {
        Assert.Equal([1, 0, 0, 1, 1, 0, 0], Keys.Alterations(3));     // C D E F G A B: F#, C#, G#
        Assert.Equal([0, 0, -1, 0, 0, -1, -1], Keys.Alterations(-3)); // Bb, Eb, Ab
    }

    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 5)]   // G up to C
    [InlineData(2, -2)]  // D down to C
    [InlineData(3, 3)]   // A up to C
    [InlineData(-1, -5)] // F down to C
    [InlineData(-2, 2)]  // Bb up to C
    [InlineData(6, -6)]  // F# down to C
    public void The_shift_to_no_sharps_or_flats_is_the_nearer_one(int signature, int shift)
    {
        Assert.Equal(shift, Keys.ShiftToNatural(signature));
    }

    [Fact]
    public void A_melody_moves_to_the_natural_key_with_its_rests()
    {
        var inG = new Melody("t", "o", 1, "major", "4/4", [new MelodyNote(67, 4), new MelodyNote(MelodyNote.Rest, 2), new MelodyNote(66, 2)]);

        var inC = inG.ToNaturalKey();

        Assert.Equal("C5:4 rest:2 B4:2", string.Join(" ", inC.Notes));
        Assert.Equal(0, inC.KeySignature);
    }
}
