using System.Globalization;

namespace RnnNotebooks.Data;

/// <summary>One tune being read by <see cref="AbcReader"/>: its header fields, then its body line by line.</summary>
internal sealed class AbcTuneBuilder(string sourceName, int startLine)
{
    private readonly List<string> origins = [];
    private readonly List<AbcNote> notes = [];
    private readonly Dictionary<(int Letter, int Octave), int> barAccidentals = [];
    private string? title;
    private string meter = "";
    private (long Num, long Den) unit = (1, 8);
    private int signature;
    private string mode = "major";
    private int[] keyAlterations = new int[7];
    private int repeatStart;
    private int? firstEnding;
    private bool tiePending;
    private char? brokenPending;

    /// <summary>True once the K: field has been read: what follows is music.</summary>
    public bool InBody { get; private set; }

    /// <summary>Reads a header field.</summary>
    public void Field(char name, string value, int line)
    {
        if (InBody)
        {
            throw Error(line, $"{name}:{value}", "a field inside the tune's music is not supported here; put fields before K:.");
        }
        switch (name)
        {
            case 'T':
                title ??= value;
                break;
            case 'O' or 'S':
                origins.Add(value);
                break;
            case 'M':
                meter = value;
                break;
            case 'L':
                unit = ParseUnit(value, line);
                break;
            case 'K':
                var key = Keys.Parse(value) ?? throw Error(line, value, "not a key this reader knows (e.g. C, G, Em, Ador, Bb, F#m).");
                (signature, mode) = key;
                keyAlterations = Keys.Alterations(signature);
                InBody = true;
                break;
        }
    }

    /// <summary>Reads a line of music.</summary>
    public void Body(string line, int lineNumber)
    {
        if (!InBody)
        {
            throw Error(lineNumber, line.Trim(), "music before the K: field; the header ends with K:.");
        }
        int i = 0;
        while (i < line.Length)
        {
            i = Next(line, i, lineNumber);
        }
    }

    /// <summary>The tune read, its durations in sixteenth notes.</summary>
    public Melody Finish()
    {
        if (title is null)
        {
            throw Error(startLine, "X:", "the tune has no T: (title) field.");
        }
        if (!InBody)
        {
            throw Error(startLine, title, "the tune has no K: (key) field.");
        }
        if (notes.Count == 0)
        {
            throw Error(startLine, title, "the tune has no notes.");
        }
        if (tiePending)
        {
            throw Error(notes[^1].Line, notes[^1].Token, "a tie (-) at the end of the tune ties to nothing.");
        }
        var melody = notes.Select(ToNote).ToList();
        return new Melody(title, string.Join("; ", origins), signature, mode, meter.Length == 0 ? "free" : meter, melody);
    }

    private MelodyNote ToNote(AbcNote note)
    {
        long sixteenths = 16 * note.Num;
        if (sixteenths % note.Den != 0)
        {
            throw Error(note.Line, note.Token, $"its length is {note.Num}/{note.Den} of a whole note, not a whole number of sixteenth notes.");
        }
        return new MelodyNote(note.Pitch, (int)(sixteenths / note.Den));
    }

    private int Next(string line, int i, int lineNumber)
    {
        char c = line[i];
        switch (c)
        {
            case ' ' or '\t' or '~' or '.' or ')':
                return i + 1;
            case '(':
                if (i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]))
                {
                    throw Error(lineNumber, line.Substring(i, 2), "tuplets are not supported by this reader.");
                }
                return i + 1;
            case '"':
                int close = line.IndexOf('"', i + 1);
                return close < 0 ? throw Error(lineNumber, line[i..], "a chord symbol without its closing quote.") : close + 1;
            case '-':
                if (notes.Count == 0 || notes[^1].Pitch == MelodyNote.Rest)
                {
                    throw Error(lineNumber, "-", "a tie (-) must follow a note.");
                }
                tiePending = true;
                return i + 1;
            case '>' or '<':
                if (notes.Count == 0)
                {
                    throw Error(lineNumber, c.ToString(), "broken rhythm must follow a note.");
                }
                brokenPending = c;
                return i + 1;
            case '|' or ':' or '[' or ']':
                return BarLine(line, i, lineNumber);
            default:
                return NoteOrRest(line, i, lineNumber);
        }
    }

    private int BarLine(string line, int i, int lineNumber)
    {
        int start = i;
        if (line[i] == '[' && i + 1 < line.Length && char.IsAsciiDigit(line[i + 1]))
        {
            Ending(line[i + 1], line.Substring(i, 2), lineNumber);
            return i + 2;
        }
        if (line[i] == '[' && (i + 1 >= line.Length || line[i + 1] != '|'))
        {
            throw Error(lineNumber, line.Substring(i, Math.Min(3, line.Length - i)), "chords and inline fields ([...]) are not supported by this reader.");
        }
        while (i < line.Length && line[i] is '|' or ':' or '[' or ']')
        {
            i++;
        }
        string token = line[start..i];
        if (token.Trim(':').Length == 0 && token != "::")
        {
            throw Error(lineNumber, token, "a colon that is not part of a repeat bar line.");
        }
        barAccidentals.Clear();
        if (token.StartsWith(':'))
        {
            Repeat(lineNumber, token);
        }
        if (token.EndsWith(':'))
        {
            repeatStart = notes.Count;
            firstEnding = null;
        }
        if (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            Ending(line[i], token + line[i], lineNumber);
            i++;
        }
        return i;
    }

    private void Ending(char number, string token, int lineNumber)
    {
        if (number == '1')
        {
            firstEnding = notes.Count;
        }
        else if (number != '2')
        {
            throw Error(lineNumber, token, "only first and second endings ([1, [2) are supported.");
        }
    }

    /// <summary>A :| plays the section from the last |: (or the start) again, without its first ending if it has one.</summary>
    private void Repeat(int lineNumber, string token)
    {
        int end = firstEnding ?? notes.Count;
        if (end <= repeatStart)
        {
            throw Error(lineNumber, token, "a repeat of nothing: no notes since the last |:.");
        }
        notes.AddRange(notes.GetRange(repeatStart, end - repeatStart));
        repeatStart = notes.Count;
        firstEnding = null;
    }

    private int NoteOrRest(string line, int i, int lineNumber)
    {
        int start = i;
        int? accidental = null;
        while (i < line.Length && line[i] is '^' or '_' or '=')
        {
            accidental = (accidental ?? 0) + (line[i] == '^' ? 1 : line[i] == '_' ? -1 : 0);
            i++;
        }
        if (i >= line.Length || "ABCDEFGabcdefgzx".IndexOf(line[i]) < 0)
        {
            string token = line[start..Math.Min(line.Length, i + 1)];
            throw Error(lineNumber, token, line.Length > i && line[i] == '{'
                ? "grace notes are not supported by this reader."
                : "not a note, rest or bar line this reader knows.");
        }
        char letter = line[i++];
        int octave = char.IsAsciiLetterLower(letter) && letter is not ('z' or 'x') ? 1 : 0;
        while (i < line.Length && line[i] is '\'' or ',')
        {
            octave += line[i++] == '\'' ? 1 : -1;
        }
        var (num, den, next) = Length(line, i);
        string text = line[start..next];
        if (den == 0 || num == 0)
        {
            throw Error(lineNumber, text, "a length of zero.");
        }
        int pitch = letter is 'z' or 'x' ? MelodyNote.Rest : Pitch(letter, octave, accidental);
        Add(new AbcNote(pitch, unit.Num * num, unit.Den * den, lineNumber, text));
        return next;
    }

    private int Pitch(char letter, int octave, int? accidental)
    {
        int index = "CDEFGAB".IndexOf(char.ToUpperInvariant(letter));
        int[] semitones = [0, 2, 4, 5, 7, 9, 11];
        if (accidental is int explicitAccidental)
        {
            barAccidentals[(index, octave)] = explicitAccidental; // an accidental holds to the end of the bar
        }
        int alteration = barAccidentals.TryGetValue((index, octave), out int a) ? a : keyAlterations[index];
        return 60 + 12 * octave + semitones[index] + alteration; // "C" is middle C, MIDI 60
    }

    private static (long Num, long Den, int Next) Length(string line, int i)
    {
        long num = 1, den = 1;
        int digits = i;
        while (i < line.Length && char.IsAsciiDigit(line[i]))
        {
            i++;
        }
        if (i > digits)
        {
            num = long.Parse(line[digits..i], CultureInfo.InvariantCulture);
        }
        while (i < line.Length && line[i] == '/')
        {
            i++;
            int from = i;
            while (i < line.Length && char.IsAsciiDigit(line[i]))
            {
                i++;
            }
            den *= i > from ? long.Parse(line[from..i], CultureInfo.InvariantCulture) : 2;
        }
        return (num, den, i);
    }

    private void Add(AbcNote note)
    {
        if (brokenPending is char broken)
        {
            var previous = notes[^1];
            // a>b: a dotted, b halved; a<b: the reverse
            notes[^1] = broken == '>' ? previous with { Num = previous.Num * 3, Den = previous.Den * 2 } : previous with { Den = previous.Den * 2 };
            note = broken == '>' ? note with { Den = note.Den * 2 } : note with { Num = note.Num * 3, Den = note.Den * 2 };
            brokenPending = null;
        }
        if (tiePending)
        {
            var previous = notes[^1];
            if (previous.Pitch != note.Pitch)
            {
                throw Error(note.Line, note.Token, $"a tie joins notes of the same pitch; this note follows {MelodyNote.PitchName(previous.Pitch)} ({previous.Token}).");
            }
            notes[^1] = previous with { Num = previous.Num * note.Den + note.Num * previous.Den, Den = previous.Den * note.Den };
            tiePending = false;
            return;
        }
        notes.Add(note);
    }

    private (long Num, long Den) ParseUnit(string value, int line)
    {
        var parts = value.Split('/');
        if (parts.Length == 2 && long.TryParse(parts[0], CultureInfo.InvariantCulture, out long num)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out long den) && num > 0 && den > 0)
        {
            return (num, den);
        }
        throw Error(line, value, "L: (the unit note length) must be a fraction such as 1/8.");
    }

    private DataFormatException Error(int line, string token, string problem) => new(sourceName, line, problem, token);

    /// <summary>A note as read: its length is Num/Den of a whole note.</summary>
    private readonly record struct AbcNote(int Pitch, long Num, long Den, int Line, string Token);
}
