namespace RnnNotebooks.Data;

/// <summary>One note (or rest) of a melody: a MIDI pitch and a duration in sixteenth notes.</summary>
/// <param name="Pitch">The MIDI note number (60 = middle C), or <see cref="Rest"/>.</param>
/// <param name="Duration">The length in sixteenth notes (4 = a quarter note), at least 1.</param>
public readonly record struct MelodyNote(int Pitch, int Duration)
{
    /// <summary>The <see cref="Pitch"/> of a rest.</summary>
    public const int Rest = -1;

    /// <summary>True for a rest.</summary>
    public bool IsRest => Pitch == Rest;

    /// <inheritdoc />
    public override string ToString() => IsRest ? $"rest:{Duration}" : $"{PitchName(Pitch)}:{Duration}";

    /// <summary>The scientific name of a MIDI pitch: 60 is C4, 61 C#4, 69 A4.</summary>
    public static string PitchName(int pitch)
    {
        if (pitch == Rest)
        {
            return "rest";
        }
        string[] names = ["C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B"];
        return names[((pitch % 12) + 12) % 12] + (Math.DivRem(pitch, 12).Quotient - 1);
    }
}
