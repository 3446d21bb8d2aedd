namespace RnnNotebooks.Data;

/// <summary>Key signatures: ABC key names to sharps and flats, the pitch classes they alter, and transposition.</summary>
public static class Keys
{
    private static readonly string[] MajorTonics = ["Cb", "Gb", "Db", "Ab", "Eb", "Bb", "F", "C", "G", "D", "A", "E", "B", "F#", "C#"];

    /// <summary>The sharps (&gt; 0) or flats (&lt; 0) of an ABC key such as "G", "Em", "Ador", "Bb", "F#m"; null when it is not one.</summary>
    /// <param name="key">The K: field's value (a tonic, an optional accidental, an optional mode).</param>
    public static (int Signature, string Mode)? Parse(string key)
    {
        var text = key.Trim();
        if (text.Length == 0 || text.Equals("none", StringComparison.OrdinalIgnoreCase))
        {
            return text.Length == 0 ? null : (0, "major");
        }
        int length = text.Length > 1 && text[1] is '#' or 'b' ? 2 : 1;
        int index = Array.IndexOf(MajorTonics, char.ToUpperInvariant(text[0]) + text[1..length]);
        if (index < 0)
        {
            return null;
        }
        var (mode, offset) = ModeOf(text[length..].Trim().ToLowerInvariant());
        if (mode is null)
        {
            return null;
        }
        int signature = index - 7 + offset; // the tonic's place on the circle of fifths, moved by the mode
        return signature is < -7 or > 7 ? null : (signature, mode);
    }

    /// <summary>A mode name (its first three letters suffice) and how many fifths it lies below the major key of the same tonic.</summary>
    private static (string? Mode, int Offset) ModeOf(string mode)
    {
        if (mode.Length == 0 || mode.StartsWith("maj", StringComparison.Ordinal) || mode.StartsWith("ion", StringComparison.Ordinal))
        {
            return ("major", 0);
        }
        if (mode == "m" || mode.StartsWith("min", StringComparison.Ordinal) || mode.StartsWith("aeo", StringComparison.Ordinal))
        {
            return ("minor", -3);
        }
        return mode.Length < 3 ? (null, 0) : mode[..3] switch
        {
            "mix" => ("mixolydian", -1),
            "dor" => ("dorian", -2),
            "phr" => ("phrygian", -4),
            "loc" => ("locrian", -5),
            "lyd" => ("lydian", 1),
            _ => (null, 0),
        };
    }

    /// <summary>The semitones a key signature alters each note letter by (C D E F G A B, index 0 .. 6): +1 sharp, -1 flat.</summary>
    public static int[] Alterations(int signature)
    {
        var alterations = new int[7];
        int[] sharpOrder = [3, 0, 4, 1, 5, 2, 6]; // F C G D A E B
        for (int i = 0; i < Math.Abs(signature); i++)
        {
            int letter = signature > 0 ? sharpOrder[i] : sharpOrder[6 - i]; // flats: B E A D G C F
            alterations[letter] = Math.Sign(signature);
        }
        return alterations;
    }

    /// <summary>
    /// The semitones that move a tune in this key signature to the one with no sharps or flats (its major tonic to C), in -6 .. 5.
    /// </summary>
    public static int ShiftToNatural(int signature)
    {
        int tonic = ((7 * signature) % 12 + 12) % 12; // the major tonic's pitch class: each sharp is a fifth (7 semitones) up
        return tonic > 6 ? 12 - tonic : -tonic;
    }
}
