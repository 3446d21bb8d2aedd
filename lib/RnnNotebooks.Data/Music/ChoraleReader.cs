using System.Globalization;

namespace RnnNotebooks.Data;

/// <summary>
/// Reads the UCI "Bach Chorales" file (Conklin and Witten): one chorale per line as a Lisp list
/// <c>(N ((st S) (pitch P) (dur D) (keysig K) (timesig T) (fermata F)) ...)</c>, where N numbers the chorale, st is the
/// note's start and dur its length in sixteenth notes, pitch a MIDI number, keysig the sharps (&gt; 0) or flats (&lt; 0)
/// and timesig the bar's length in sixteenths. A gap between one note's end and the next note's start becomes a rest.
/// </summary>
public static class ChoraleReader
{
    private static readonly string[] Fields = ["st", "pitch", "dur", "keysig", "timesig", "fermata"];

    /// <summary>The chorales of a file.</summary>
    /// <exception cref="DataFormatException">The file is not in this format; the message names the line and token.</exception>
    public static IReadOnlyList<Melody> Read(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The chorales of a text in this format.</summary>
    /// <param name="text">The text.</param>
    /// <param name="sourceName">The name used in error messages.</param>
    /// <exception cref="DataFormatException">The text is not in this format; the message names the line and token.</exception>
    public static IReadOnlyList<Melody> Parse(string text, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new LispTokens(text, sourceName);
        var chorales = new List<Melody>();
        while (!tokens.AtEnd)
        {
            chorales.Add(Chorale(tokens));
        }
        return chorales;
    }

    private static Melody Chorale(LispTokens tokens)
    {
        tokens.Expect("(", "a chorale starts with '('");
        var (numberText, numberLine) = tokens.Take();
        if (!int.TryParse(numberText, CultureInfo.InvariantCulture, out int number))
        {
            throw tokens.Error(numberLine, numberText, "a chorale's number (an integer) should follow its '('.");
        }
        var notes = new List<MelodyNote>();
        int? end = null, signature = null, bar = null;
        while (tokens.Peek() == "(")
        {
            int line = tokens.Line;
            var values = Event(tokens);
            int st = values[0], pitch = values[1], duration = values[2];
            if (duration < 1 || pitch is < 0 or > 127)
            {
                throw tokens.Error(line, $"(pitch {pitch}) (dur {duration})", "a pitch must be a MIDI number 0..127 and a duration at least 1 sixteenth.");
            }
            if (end is int previousEnd && st < previousEnd)
            {
                throw tokens.Error(line, $"(st {st})", $"the note starts at {st}, before the previous note ends at {previousEnd}.");
            }
            if (end is int gapStart && st > gapStart)
            {
                notes.Add(new MelodyNote(MelodyNote.Rest, st - gapStart)); // silence between two notes
            }
            notes.Add(new MelodyNote(pitch, duration));
            end = st + duration;
            signature ??= values[3];
            bar ??= values[4];
        }
        tokens.Expect(")", $"chorale {number} ends with ')'");
        if (notes.Count == 0)
        {
            throw tokens.Error(numberLine, numberText, $"chorale {number} has no notes.");
        }
        string meter = bar switch { 16 => "4/4", 12 => "3/4", _ => $"{bar}/16" };
        return new Melody($"chorale {number}", "Bach chorales (UCI, Conklin and Witten)", signature ?? 0, "unknown", meter, notes);
    }

    /// <summary>((st S) (pitch P) (dur D) (keysig K) (timesig T) (fermata F)): the six integers in that order.</summary>
    private static int[] Event(LispTokens tokens)
    {
        tokens.Expect("(", "a note starts with '('");
        var values = new int[Fields.Length];
        foreach (var (field, i) in Fields.Select((f, i) => (f, i)))
        {
            tokens.Expect("(", $"({field} ...) starts with '('");
            var (name, line) = tokens.Take();
            if (name != field)
            {
                throw tokens.Error(line, name, $"expected the field '{field}' here (a note has st, pitch, dur, keysig, timesig, fermata in that order).");
            }
            var (value, valueLine) = tokens.Take();
            if (!int.TryParse(value, CultureInfo.InvariantCulture, out values[i]))
            {
                throw tokens.Error(valueLine, value, $"the value of '{field}' must be an integer.");
            }
            tokens.Expect(")", $"({field} {value}) ends with ')'");
        }
        tokens.Expect(")", "a note ends with ')'");
        return values;
    }
}
