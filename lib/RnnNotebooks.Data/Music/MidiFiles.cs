using NAudio.Midi;

namespace RnnNotebooks.Data;

/// <summary>Melodies as standard MIDI files (type 1: a tempo track and a note track), written and read with NAudio.Midi.</summary>
public static class MidiFiles
{
    /// <summary>Ticks per quarter note in the files written here: 120 per sixteenth note.</summary>
    public const int TicksPerQuarterNote = 480;

    private const int TicksPerSixteenth = TicksPerQuarterNote / 4;

    /// <summary>
    /// Writes a melody: a tempo, an instrument, then each note as note-on/note-off on channel 1; rests are silence. A
    /// MIDI file has no rest events, so adjacent rests become one silence and <see cref="Read"/> gives them back joined:
    /// it returns <see cref="JoinRests"/> of the melody written.
    /// </summary>
    /// <param name="path">The .mid file to write (its folder is made when missing).</param>
    /// <param name="notes">The melody.</param>
    /// <param name="beatsPerMinute">Quarter notes per minute, 20 .. 400.</param>
    /// <param name="program">The General MIDI instrument, 0 .. 127 (0: acoustic grand piano; 73: flute).</param>
    public static void Write(string path, IReadOnlyList<MelodyNote> notes, int beatsPerMinute = 100, int program = 0)
    {
        ArgumentNullException.ThrowIfNull(notes);
        ArgumentOutOfRangeException.ThrowIfLessThan(beatsPerMinute, 20);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(beatsPerMinute, 400);
        ArgumentOutOfRangeException.ThrowIfNegative(program);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(program, 127);
        var events = new MidiEventCollection(1, TicksPerQuarterNote);
        events.AddEvent(new TempoEvent(60_000_000 / beatsPerMinute, 0), 0);
        events.AddEvent(new PatchChangeEvent(0, 1, program), 0);
        long time = 0;
        for (int i = 0; i < notes.Count; i++)
        {
            var note = notes[i];
            if (note.Duration < 1 || (!note.IsRest && note.Pitch is < 0 or > 127))
            {
                throw new ArgumentException($"notes[{i}] is {note}: a MIDI note needs a pitch 0..127 (or a rest) and a duration of at least 1.", nameof(notes));
            }
            long length = (long)note.Duration * TicksPerSixteenth;
            if (!note.IsRest)
            {
                events.AddEvent(new NoteOnEvent(time, 1, note.Pitch, 90, (int)length), 0);
                events.AddEvent(new NoteEvent(time + length, 1, MidiCommandCode.NoteOff, note.Pitch, 0), 0);
            }
            time += length;
        }
        events.AddEvent(new MetaEvent(MetaEventType.EndTrack, 0, time), 0);
        events.PrepareForExport();
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        MidiFile.Export(path, events);
    }

    /// <summary>
    /// Reads the notes of a MIDI file back as a melody: every note-on with its note-off, in time order, durations in
    /// sixteenth notes; silence between notes (and before the end of the track) becomes rests.
    /// </summary>
    /// <exception cref="InvalidDataException">Notes overlap (not a single melody) or do not fall on sixteenth notes.</exception>
    public static IReadOnlyList<MelodyNote> Read(string path)
    {
        var file = new MidiFile(path, false);
        double ticksPerSixteenth = file.DeltaTicksPerQuarterNote / 4.0;
        var ons = file.Events.SelectMany(track => track).OfType<NoteOnEvent>()
            .Where(e => e.Velocity > 0 && e.OffEvent is not null).OrderBy(e => e.AbsoluteTime).ToList();
        long trackEnd = file.Events.SelectMany(track => track).Select(e => e.AbsoluteTime).DefaultIfEmpty(0).Max();
        var notes = new List<MelodyNote>();
        long time = 0;
        foreach (var on in ons)
        {
            if (on.AbsoluteTime < time)
            {
                throw new InvalidDataException($"{path}: the note {on.NoteNumber} at tick {on.AbsoluteTime} starts before the previous note ends (tick {time}); this reader takes one melody.");
            }
            if (on.AbsoluteTime > time)
            {
                notes.Add(new MelodyNote(MelodyNote.Rest, Sixteenths(on.AbsoluteTime - time, ticksPerSixteenth, path)));
            }
            notes.Add(new MelodyNote(on.NoteNumber, Sixteenths(on.NoteLength, ticksPerSixteenth, path)));
            time = on.AbsoluteTime + on.NoteLength;
        }
        if (trackEnd > time)
        {
            notes.Add(new MelodyNote(MelodyNote.Rest, Sixteenths(trackEnd - time, ticksPerSixteenth, path)));
        }
        return notes;
    }

    /// <summary>The melody as a MIDI file holds it: each run of adjacent rests joined into one rest of their total length.</summary>
    /// <param name="notes">The melody.</param>
    public static IReadOnlyList<MelodyNote> JoinRests(IReadOnlyList<MelodyNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var joined = new List<MelodyNote>(notes.Count);
        foreach (var note in notes)
        {
            if (note.IsRest && joined.Count > 0 && joined[^1].IsRest)
            {
                joined[^1] = joined[^1] with { Duration = joined[^1].Duration + note.Duration }; // silence after silence: one silence
            }
            else
            {
                joined.Add(note);
            }
        }
        return joined;
    }

    private static int Sixteenths(long ticks, double ticksPerSixteenth, string path)
    {
        double sixteenths = ticks / ticksPerSixteenth;
        if (Math.Abs(sixteenths - Math.Round(sixteenths)) > 1e-9)
        {
            throw new InvalidDataException($"{path}: a length of {ticks} ticks is not a whole number of sixteenth notes.");
        }
        return (int)Math.Round(sixteenths);
    }
}
