namespace RnnNotebooks.Data;

/// <summary>A single-voice tune: its title, where it comes from, its key signature and meter, and its notes in order.</summary>
/// <param name="Title">The title (ABC's T: field, or "chorale N").</param>
/// <param name="Origin">Where it comes from (ABC's O: and S: fields, or the dataset).</param>
/// <param name="KeySignature">Sharps (&gt; 0) or flats (&lt; 0) of the key signature, -7 .. 7.</param>
/// <param name="Mode">The mode as written (major, minor, dorian, ...), or "unknown".</param>
/// <param name="Meter">The meter, e.g. "3/4".</param>
/// <param name="Notes">The notes and rests, repeats expanded.</param>
public sealed record Melody(string Title, string Origin, int KeySignature, string Mode, string Meter, IReadOnlyList<MelodyNote> Notes)
{
    /// <summary>The length in sixteenth notes.</summary>
    public int TotalDuration => Notes.Sum(n => n.Duration);

    /// <summary>
    /// The same tune moved so that its key signature has no sharps or flats: a major key to C major, a minor key to
    /// A minor (a shift of at most 6 semitones up or down, the nearer one).
    /// </summary>
    public Melody ToNaturalKey()
    {
        int shift = Keys.ShiftToNatural(KeySignature);
        return this with
        {
            KeySignature = 0,
            Notes = Notes.Select(n => n.IsRest ? n : n with { Pitch = n.Pitch + shift }).ToList(),
        };
    }
}
