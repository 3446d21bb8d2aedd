using System.Globalization;
using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Length-controlled sampling of melodies in <see cref="NoteTokens"/>: the tune lasts exactly <see cref="Bars"/> bars of
/// <see cref="BarLength"/> sixteenths, no note crosses a bar line (the tokens have no ties, so a duration longer than what
/// is left of the bar gets probability 0), the end token has probability 0 until the bars are full and is the only
/// token allowed then, the tune has at least <see cref="MinimumNotes"/> notes (a note lasts at most twice the sixteenths
/// left per note still owed, so a tune behind that pace speeds up as it goes rather than in a burst of sixteenths at its
/// end), and its last note is the tonic (any octave).
/// The ending is steered, not replaced: a pitch other than the tonic (or a rest) may not take the duration that would
/// fill the tune; in the last beat (<see cref="LastBeat"/> sixteenths or fewer left) only the tonic may start a note,
/// and it lasts to the end unless notes are still owed. Every step keeps at least one token allowed (the duration 1 and
/// the tonic always fit), so sampling always finishes.
/// </summary>
public sealed class WholeTuneConstraint : ISamplingConstraint
{
    /// <summary>The most bars a tune may ask for (a cap, so a typo cannot ask for hours of sampling).</summary>
    public const int MaxBars = 128;

    private readonly TokenVocabulary vocabulary = NoteTokens.Vocabulary;

    /// <summary>A constraint for <paramref name="bars"/> bars of <paramref name="barLength"/> sixteenths ending on a tonic.</summary>
    /// <param name="bars">How many bars, 1 .. <see cref="MaxBars"/>.</param>
    /// <param name="barLength">A bar's length in sixteenths (16 for 4/4, 12 for 3/4 and 6/8), 1 .. 48.</param>
    /// <param name="tonic">The tonic's pitch class, 0 (C) .. 11 (B): 0 for C major, 9 for A minor.</param>
    /// <param name="minimumNotes">The fewest notes (rests count), 1 .. bars x barLength.</param>
    /// <exception cref="ArgumentOutOfRangeException">A value outside its range (the message names it and the range).</exception>
    public WholeTuneConstraint(int bars, int barLength, int tonic = 0, int minimumNotes = 1)
    {
        if (bars is < 1 or > MaxBars)
        {
            throw new ArgumentOutOfRangeException(nameof(bars), bars, $"the number of bars must be 1..{MaxBars}; got {bars}.");
        }
        if (barLength is < 1 or > 48)
        {
            throw new ArgumentOutOfRangeException(nameof(barLength), barLength, $"a bar must last 1..48 sixteenths; got {barLength}.");
        }
        if (tonic is < 0 or > 11)
        {
            throw new ArgumentOutOfRangeException(nameof(tonic), tonic, $"the tonic is a pitch class 0..11; got {tonic}.");
        }
        if (minimumNotes < 1 || minimumNotes > bars * barLength)
        {
            throw new ArgumentOutOfRangeException(nameof(minimumNotes), minimumNotes, $"the fewest notes must be 1..{bars * barLength} (one per sixteenth of {bars} bars); got {minimumNotes}.");
        }
        (Bars, BarLength, Tonic, MinimumNotes) = (bars, barLength, tonic, minimumNotes);
    }

    /// <summary>The number of bars.</summary>
    public int Bars { get; }

    /// <summary>A bar's length in sixteenths.</summary>
    public int BarLength { get; }

    /// <summary>The tonic's pitch class (0 = C).</summary>
    public int Tonic { get; }

    /// <summary>The fewest notes of the tune.</summary>
    public int MinimumNotes { get; }

    /// <summary>The last beat, where only the tonic may start a note: a quarter note (4 sixteenths), or the bar if shorter.</summary>
    public int LastBeat => Math.Min(4, BarLength);

    /// <summary>The tune's length in sixteenths: bars x bar length.</summary>
    public int TotalLength => Bars * BarLength;

    /// <summary>
    /// A constraint for a meter written as in ABC's M: field ("4/4", "3/4", "6/8", "C" for 4/4, "C|" for 2/2), at least a
    /// note per beat of a quarter note on average (bars x bar length / 4, at least 1): 32 notes for 8 bars of 4/4.
    /// </summary>
    /// <exception cref="ArgumentException">The meter is not one (the message quotes it).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The bars or the tonic are out of range.</exception>
    public static WholeTuneConstraint ForMeter(string meter, int bars, int tonic = 0)
    {
        int barLength = BarLengthOf(meter);
        return new WholeTuneConstraint(bars, barLength, tonic, Math.Max(1, Math.Clamp(bars, 0, MaxBars) * barLength / 4));
    }

    /// <summary>The length in sixteenths of a bar of an ABC meter: 16 x numerator / denominator ("6/8" is 12).</summary>
    /// <exception cref="ArgumentException">Not a meter of whole sixteenths, 1..48 of them.</exception>
    public static int BarLengthOf(string meter)
    {
        ArgumentNullException.ThrowIfNull(meter);
        var text = meter.Trim() switch { "C" => "4/4", "C|" => "2/2", var m => m };
        var parts = text.Split('/');
        if (parts.Length == 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out int beats)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int unit)
            && unit is 1 or 2 or 4 or 8 or 16 && beats * 16 / unit is >= 1 and <= 48)
        {
            return beats * 16 / unit; // a bar holds beats notes of 1/unit, each 16/unit sixteenths
        }
        throw new ArgumentException($"'{meter}' is not a meter such as 4/4, 3/4 or 6/8 (a bar of 1..48 sixteenths).", nameof(meter));
    }

    /// <inheritdoc />
    public override string ToString() =>
        $"{Bars} bars of {BarLength} sixteenths, no note across a bar line, at least {MinimumNotes} notes, only the tonic ({MelodyNote.PitchName(60 + Tonic)[..^1]}) in the last beat";

    /// <inheritdoc />
    public bool[] Allowed(IReadOnlyList<int> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var (elapsed, notes) = Progress(tokens);
        int left = TotalLength - elapsed, leftInBar = BarLength - elapsed % BarLength;
        var allowed = new bool[vocabulary.Count];
        if (tokens.Count % 2 == 1)
        {
            // a duration for the note tokens[^1]: it fits the bar, leaves a sixteenth for each note still owed, keeps pace, lets only the
            // tonic fill the tune, and a tonic in the last beat lasts to the end when no note is owed
            bool tonic = IsTonic(tokens[^1]);
            int notesAfter = Math.Max(0, MinimumNotes - notes); // notes counts tokens[^1]'s note
            foreach (int d in NoteTokens.Durations)
            {
                bool ending = tonic ? left > LastBeat || notesAfter > 0 || d == left : d < left;
                bool paced = d * (notesAfter + 1) <= 2 * left; // at most twice the sixteenths left per note owed, this one included
                allowed[vocabulary.IdOf(NoteTokens.DurationToken(d))] = d <= leftInBar && d <= left - notesAfter && paced && ending;
            }
            return allowed;
        }
        if (left <= 0)
        {
            allowed[0] = true; // the bars are full: only the end
            return allowed;
        }
        for (int id = 1; id < vocabulary.Count; id++)
        {
            allowed[id] = NoteTokens.StartsNote(vocabulary[id]) && (left > LastBeat || IsTonic(id)); // the last beat: the tonic
        }
        return allowed;
    }

    /// <summary>The sixteenths and notes the tokens so far have written (a pitch without its duration yet counts as a note).</summary>
    /// <exception cref="ArgumentException">A token out of place (a duration where a pitch belongs, or the end) or a melody past the bars.</exception>
    private (int Elapsed, int Notes) Progress(IReadOnlyList<int> tokens)
    {
        int elapsed = 0;
        for (int i = 0; i < tokens.Count; i++)
        {
            string token = (uint)tokens[i] < (uint)vocabulary.Count ? vocabulary[tokens[i]] : "";
            bool wantsDuration = i % 2 == 1;
            if (wantsDuration ? !NoteTokens.IsDuration(token) : !NoteTokens.StartsNote(token))
            {
                throw new ArgumentException($"token {i + 1} is '{token}' (id {tokens[i]}); a note is a pitch (or rest) then a duration.", nameof(tokens));
            }
            if (wantsDuration)
            {
                elapsed += int.Parse(token[1..], CultureInfo.InvariantCulture);
            }
        }
        return (elapsed, (tokens.Count + 1) / 2);
    }

    /// <summary>True for a pitch token of the tonic's pitch class (not a rest).</summary>
    private bool IsTonic(int id)
    {
        string token = vocabulary[id];
        if (!NoteTokens.StartsNote(token) || token == NoteTokens.RestToken)
        {
            return false;
        }
        return (NoteTokens.LowestPitch + id - 1) % 12 == Tonic; // pitch ids run from C3 (id 1) upwards
    }
}
