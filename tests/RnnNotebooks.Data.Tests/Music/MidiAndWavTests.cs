using NAudio.Midi;
using NAudio.Wave;

namespace RnnNotebooks.Data.Tests.Music;

/// <summary>MIDI files written with NAudio.Midi read back to the same notes; WAV files with the right header and length.</summary>
public sealed class MidiAndWavTests
{
    private static readonly MelodyNote[] Melody =
    [
        new(MelodyNote.Rest, 2), new(60, 4), new(64, 2), new(64, 2), new(MelodyNote.Rest, 4), new(67, 8), new(72, 1), new(MelodyNote.Rest, 3),
    ];

    private static string NewFile(string name) => Path.Combine(TestFolders.New("rnnnotebooks-music-").FullName, name);

    [Fact]
    public void A_melody_written_as_MIDI_reads_back_to_the_same_notes_rests_and_durations()
    {
        var path = NewFile("m.mid");

        MidiFiles.Write(path, Melody, beatsPerMinute: 120);

        Assert.Equal(Melody, MidiFiles.Read(path));
    }

    [Fact]
    public void Adjacent_rests_read_back_joined_as_a_MIDI_file_holds_them()
    {
        var path = NewFile("rests.mid");
        MelodyNote[] melody = [new(60, 2), new(MelodyNote.Rest, 1), new(MelodyNote.Rest, 2), new(62, 4), new(MelodyNote.Rest, 3), new(MelodyNote.Rest, 1)];

        MidiFiles.Write(path, melody, beatsPerMinute: 120);

        MelodyNote[] joined = [new(60, 2), new(MelodyNote.Rest, 3), new(62, 4), new(MelodyNote.Rest, 4)];
        Assert.Equal(joined, MidiFiles.JoinRests(melody));
        Assert.Equal(joined, MidiFiles.Read(path));
        Assert.Equal(Melody, MidiFiles.JoinRests(Melody)); // no adjacent rests: unchanged
    }

    [Fact]
    public void The_MIDI_file_is_standard_type_1_a_tempo_track_and_a_note_track_at_120_ticks_a_sixteenth()
    {
        var path = NewFile("m.mid");
        MidiFiles.Write(path, Melody, beatsPerMinute: 120, program: 73);

        var file = new MidiFile(path, true);

        Assert.Equal((1, 2, 480), (file.FileFormat, file.Tracks, file.DeltaTicksPerQuarterNote));
        var ons = file.Events[1].OfType<NoteOnEvent>().Where(e => e.Velocity > 0).ToList();
        Assert.Equal([60, 64, 64, 67, 72], ons.Select(e => e.NoteNumber));
        Assert.Equal([240L, 720, 960, 1680, 2640], ons.Select(e => e.AbsoluteTime)); // rest 2 = 240 ticks, then 4, 2, 2, rest 4, 8
        Assert.Equal(500_000, file.Events[0].OfType<TempoEvent>().Single().MicrosecondsPerQuarterNote);
        Assert.Equal(73, file.Events[1].OfType<PatchChangeEvent>().Single().Patch);
    }

    [Fact]
    public void A_note_outside_MIDI_is_refused_with_its_index()
    {
        var e = Assert.Throws<ArgumentException>(() => MidiFiles.Write(NewFile("x.mid"), [new MelodyNote(60, 4), new MelodyNote(130, 4)]));

        Assert.Contains("notes[1]", e.Message);
    }

    [Fact]
    public void The_WAV_header_says_mono_16_bit_PCM_and_the_data_is_as_long_as_the_melody()
    {
        var synth = new WavSynth(SampleRate: 8000, BeatsPerMinute: 120); // a sixteenth is 0.125 s = 1000 samples
        var bytes = synth.ToWav(Melody);                                  // 26 sixteenths = 26,000 samples

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
        Assert.Equal("WAVE", System.Text.Encoding.ASCII.GetString(bytes, 8, 4));
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        using var reader = new WaveFileReader(new MemoryStream(bytes));
        Assert.Equal((WaveFormatEncoding.Pcm, 1, 8000, 16), (reader.WaveFormat.Encoding, reader.WaveFormat.Channels, reader.WaveFormat.SampleRate, reader.WaveFormat.BitsPerSample));
        Assert.Equal(26_000 * 2, reader.Length);
        Assert.Equal(26_000, synth.SampleCount(Melody));
        Assert.Equal(3.25, reader.TotalTime.TotalSeconds, 6);
    }

    [Fact]
    public void A_WAV_file_on_disk_holds_the_same_bytes_and_rests_are_silent()
    {
        var synth = new WavSynth();
        var path = NewFile("m.wav");

        synth.Write(path, Melody);

        Assert.Equal(synth.ToWav(Melody), File.ReadAllBytes(path));
        Assert.All(synth.Render(new MelodyNote(MelodyNote.Rest, 4)), s => Assert.Equal(0f, s));
        var a4 = synth.Render(new MelodyNote(69, 4));
        Assert.InRange(a4.Max(), 0.2f, 0.7f);
        Assert.Equal(0f, a4[0]); // the attack starts from silence
    }

    [Fact]
    public void Fitting_keeps_the_notes_that_end_within_the_seconds_given()
    {
        var synth = new WavSynth(BeatsPerMinute: 120); // 0.125 s a sixteenth

        Assert.Equal(Melody[..4], synth.Fitting(Melody, seconds: 1.25)); // 2 + 4 + 2 + 2 = 10 sixteenths
        Assert.Equal(Melody[..1], synth.Fitting(Melody, seconds: 0.01));  // always at least one note
    }
}
