using RnnNotebooks.Data;

namespace RnnNotebooks.Tasks;

/// <summary>
/// Melodies as tokens, two per note: a pitch token ("C4", "F#5", or "rest") then a duration token (":4" is four
/// sixteenth notes, a quarter note). The vocabulary is fixed: the pitches <see cref="LowestPitch"/> ..
/// <see cref="HighestPitch"/> (a melody's notes outside are moved by octaves into it), "rest", and the durations
/// <see cref="Durations"/>. Keys are not tokens: tunes are moved to C major or A minor first (<see cref="Melody.ToNaturalKey"/>).
/// </summary>
public static class NoteTokens
{
    /// <summary>The lowest pitch token, MIDI 48 (C3).</summary>
    public const int LowestPitch = 48;

    /// <summary>The highest pitch token, MIDI 88 (E6).</summary>
    public const int HighestPitch = 88;

    /// <summary>The text of the rest token.</summary>
    public const string RestToken = "rest";

    /// <summary>The durations in sixteenth notes that have a token.</summary>
    public static IReadOnlyList<int> Durations { get; } = [1, 2, 3, 4, 6, 8, 12, 16, 24];

    /// <summary>The vocabulary: &lt;s&gt;, the pitches, rest, the durations.</summary>
    public static TokenVocabulary Vocabulary { get; } = new(
        Enumerable.Range(LowestPitch, HighestPitch - LowestPitch + 1).Select(MelodyNote.PitchName)
            .Append(RestToken).Concat(Durations.Select(DurationToken)));

    /// <summary>The text of a duration's token: ":4".</summary>
    public static string DurationToken(int sixteenths) => $":{sixteenths}";

    /// <summary>True for a duration token.</summary>
    public static bool IsDuration(string token) => token.StartsWith(':');

    /// <summary>True for a token that starts a note: a pitch or a rest.</summary>
    public static bool StartsNote(string token) => !IsDuration(token) && token != TokenVocabulary.Boundary;

    /// <summary>
    /// The token ids of a melody (in its key as given): pitch, duration, pitch, duration, ... A rest longer than the longest
    /// duration token, or of a length with no token, is written as several rests (24 + 24 + 8 for 56), which sound the same.
    /// </summary>
    /// <exception cref="ArgumentException">A note's duration has no token (the message names the melody and the note).</exception>
    public static int[] Encode(Melody melody)
    {
        ArgumentNullException.ThrowIfNull(melody);
        var ids = new List<int>(2 * melody.Notes.Count);
        for (int i = 0; i < melody.Notes.Count; i++)
        {
            var note = melody.Notes[i];
            if (note.IsRest)
            {
                foreach (int part in RestParts(note.Duration))
                {
                    ids.Add(Vocabulary.IdOf(RestToken));
                    ids.Add(Vocabulary.IdOf(DurationToken(part)));
                }
                continue;
            }
            if (!Durations.Contains(note.Duration))
            {
                throw new ArgumentException($"{melody.Title}: note {i + 1} ({note}) lasts {note.Duration} sixteenths; the tokens cover {string.Join(", ", Durations)}.", nameof(melody));
            }
            ids.Add(Vocabulary.IdOf(MelodyNote.PitchName(InRange(note.Pitch))));
            ids.Add(Vocabulary.IdOf(DurationToken(note.Duration)));
        }
        return ids.ToArray();
    }

    /// <summary>A rest's length as the fewest duration tokens, longest first (Durations holds 1, so any length splits).</summary>
    private static IEnumerable<int> RestParts(int sixteenths)
    {
        while (sixteenths > 0)
        {
            int part = Durations.Last(d => d <= sixteenths);
            yield return part;
            sixteenths -= part;
        }
    }

    /// <summary>The notes of token ids (a pitch or rest followed by a duration; a pitch with no duration after it is dropped).</summary>
    public static IReadOnlyList<MelodyNote> Decode(IReadOnlyList<int> ids)
    {
        ArgumentNullException.ThrowIfNull(ids);
        var notes = new List<MelodyNote>();
        for (int i = 0; i + 1 < ids.Count; i += 2)
        {
            string pitch = Vocabulary[ids[i]], duration = Vocabulary[ids[i + 1]];
            if (!StartsNote(pitch) || !IsDuration(duration))
            {
                throw new ArgumentException($"tokens {i + 1} and {i + 2} are '{pitch}' '{duration}'; a note is a pitch (or rest) then a duration.", nameof(ids));
            }
            int midi = pitch == RestToken ? MelodyNote.Rest : LowestPitch + Vocabulary.IdOf(pitch) - 1;
            notes.Add(new MelodyNote(midi, int.Parse(duration[1..], System.Globalization.CultureInfo.InvariantCulture)));
        }
        return notes;
    }

    /// <summary>
    /// The token ids of a prompt written as notes separated by spaces, each PITCH:SIXTEENTHS ("C4:4 E4:2 rest:2"), the last
    /// one may be a pitch alone ("C4": the model draws its duration). Pitches are the token names, C3 .. E6 with sharps, or
    /// rest. An empty or blank prompt is no tokens.
    /// </summary>
    /// <exception cref="ArgumentException">A note that is not one (the message names its place and says why), or a prompt over 1,000 characters.</exception>
    public static int[] ParsePrompt(string prompt)
    {
        ArgumentNullException.ThrowIfNull(prompt);
        if (prompt.Length > 1000)
        {
            throw new ArgumentException($"the prompt has {prompt.Length} characters; at most 1000 (a few bars of notes such as C4:4).", nameof(prompt));
        }
        var notes = prompt.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var ids = new List<int>(2 * notes.Length);
        for (int i = 0; i < notes.Length; i++)
        {
            var parts = notes[i].Split(':');
            bool last = i == notes.Length - 1;
            if (parts.Length > 2 || (parts.Length == 1 && !last))
            {
                throw new ArgumentException($"prompt note {i + 1} '{notes[i]}' is not PITCH:SIXTEENTHS such as C4:4 (only the last note may omit its duration).", nameof(prompt));
            }
            ids.Add(PromptToken(parts[0], i, notes[i], StartsNote, $"a pitch from {MelodyNote.PitchName(LowestPitch)} to {MelodyNote.PitchName(HighestPitch)} (sharps, not flats) or {RestToken}"));
            if (parts.Length == 2)
            {
                ids.Add(PromptToken(":" + parts[1], i, notes[i], IsDuration, $"a duration in sixteenths among {string.Join(", ", Durations)}"));
            }
        }
        return ids.ToArray();
    }

    /// <summary>The id of one part of a prompt note, if it is a token of the kind wanted.</summary>
    private static int PromptToken(string token, int index, string note, Func<string, bool> isKind, string kind)
    {
        var found = Vocabulary.Tokens.Skip(1).Select((t, i) => (Token: t, Id: i + 1)).FirstOrDefault(p => p.Token == token && isKind(p.Token));
        return found.Id > 0 ? found.Id : throw new ArgumentException($"prompt note {index + 1} '{note}': '{token.TrimStart(':')}' is not {kind}.", "prompt");
    }

    /// <summary>The token id of a pitch (moved by octaves into range).</summary>
    public static int PitchId(int pitch) => Vocabulary.IdOf(MelodyNote.PitchName(InRange(pitch)));

    private static int InRange(int pitch)
    {
        while (pitch < LowestPitch)
        {
            pitch += 12;
        }
        while (pitch > HighestPitch)
        {
            pitch -= 12;
        }
        return pitch;
    }
}
