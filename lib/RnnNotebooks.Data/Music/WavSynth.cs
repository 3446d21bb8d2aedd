using NAudio.Wave;

namespace RnnNotebooks.Data;

/// <summary>
/// A small additive synthesiser: each note a sum of three harmonics (1, 1/2, 1/4) of its frequency
/// f = 440 * 2^((pitch - 69) / 12) Hz, shaped by an envelope (a 10 ms attack, an exponential decay, a 20 ms release),
/// written as mono 16-bit PCM through NAudio's <see cref="WaveFileWriter"/>.
/// </summary>
/// <param name="SampleRate">Samples per second, 4000 .. 48000 (8000 keeps an embedded clip small).</param>
/// <param name="BeatsPerMinute">Quarter notes per minute.</param>
public sealed record WavSynth(int SampleRate = 8000, int BeatsPerMinute = 100)
{
    private static readonly double[] Harmonics = [1.0, 0.5, 0.25];

    /// <summary>Seconds per sixteenth note: 60 / bpm / 4.</summary>
    public double SecondsPerSixteenth => 60.0 / BeatsPerMinute / 4;

    /// <summary>How many samples the melody lasts (its notes and rests, no more).</summary>
    public long SampleCount(IReadOnlyList<MelodyNote> notes) => notes.Sum(n => Samples(n.Duration));

    /// <summary>The first notes of a melody that last at most <paramref name="seconds"/> (at least one note): a short clip to embed.</summary>
    public IReadOnlyList<MelodyNote> Fitting(IReadOnlyList<MelodyNote> notes, double seconds)
    {
        ArgumentNullException.ThrowIfNull(notes);
        var clip = new List<MelodyNote>();
        double time = 0;
        foreach (var note in notes)
        {
            time += note.Duration * SecondsPerSixteenth;
            if (time > seconds && clip.Count > 0)
            {
                break;
            }
            clip.Add(note);
        }
        return clip;
    }

    /// <summary>The WAV file's bytes: a RIFF header and 16-bit samples.</summary>
    public byte[] ToWav(IReadOnlyList<MelodyNote> notes)
    {
        using var memory = new MemoryStream();
        Write(memory, notes); // WaveFileWriter leaves a stream it was given open
        return memory.ToArray();
    }

    /// <summary>Writes the WAV file (its folder is made when missing).</summary>
    public void Write(string path, IReadOnlyList<MelodyNote> notes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var file = File.Create(path);
        Write(file, notes);
    }

    private void Write(Stream stream, IReadOnlyList<MelodyNote> notes)
    {
        ArgumentNullException.ThrowIfNull(notes);
        if (SampleRate is < 4000 or > 48000 || BeatsPerMinute is < 20 or > 400)
        {
            throw new ArgumentOutOfRangeException(nameof(SampleRate), $"SampleRate must be 4000..48000 and BeatsPerMinute 20..400; got {SampleRate} and {BeatsPerMinute}.");
        }
        using var writer = new WaveFileWriter(stream, new WaveFormat(SampleRate, 16, 1));
        foreach (var note in notes)
        {
            var samples = Render(note);
            writer.WriteSamples(samples, 0, samples.Length);
        }
    }

    /// <summary>One note's samples in [-1, 1] (silence for a rest).</summary>
    public float[] Render(MelodyNote note)
    {
        var samples = new float[Samples(note.Duration)];
        if (note.IsRest)
        {
            return samples;
        }
        double frequency = 440 * Math.Pow(2, (note.Pitch - 69) / 12.0); // equal temperament, A4 = 440 Hz
        double attack = 0.01 * SampleRate, release = 0.02 * SampleRate;
        for (int i = 0; i < samples.Length; i++)
        {
            double t = (double)i / SampleRate;
            double envelope = Math.Min(1, i / attack) * Math.Exp(-3 * t) * Math.Min(1, (samples.Length - i) / release);
            double value = 0;
            for (int h = 0; h < Harmonics.Length; h++)
            {
                value += Harmonics[h] * Math.Sin(2 * Math.PI * frequency * (h + 1) * t); // the h-th harmonic
            }
            samples[i] = (float)(0.35 * envelope * value);
        }
        return samples;
    }

    private int Samples(int sixteenths) => (int)Math.Round(sixteenths * SecondsPerSixteenth * SampleRate);
}
