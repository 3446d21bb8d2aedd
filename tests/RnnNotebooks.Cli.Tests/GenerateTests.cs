using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook generate names|music</c> end to end, on small models trained and saved here.</summary>
[Collection(NotebookCollection.Name)]
public sealed class GenerateTests
{
    private static readonly Lazy<string> NamesModel = new(() =>
    {
        var names = NameList.Load(NameList.FindFolder(Repository.Layout.Root)).Take(400).ToList();
        var letters = TokenVocabulary.Characters(names);
        var model = TokenLanguageModel.Create(letters, nA: 16, seed: 1);
        model.Train(names.Select(letters.EncodeCharacters).ToList(), options: new TrainingOptions { Epochs = 3, BatchSize = 32 });
        var path = Path.Combine(TestNotebook.NewFolder(), "names");
        model.Save(path, "names");
        return path;
    });

    private static readonly Lazy<string> MusicModel = new(() =>
    {
        var tunes = BundledTunes.Load(BundledTunes.FindFolder(Repository.Layout.Root)).Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 16, seed: 1, TokenGrammars.PitchThenDuration);
        model.Train(tunes, options: new TrainingOptions { Epochs = 3, BatchSize = 8 });
        var path = Path.Combine(TestNotebook.NewFolder(), "music");
        model.Save(path, "music");
        return path;
    });

    [Fact]
    public async Task Names_come_one_per_line_as_the_saved_model_samples_them_with_the_seed_and_temperature()
    {
        var model = TokenLanguageModel.Load(NamesModel.Value);
        var sampler = new Sampler(5);
        var expected = Enumerable.Range(0, 7).Select(_ => model.Vocabulary.Decode(model.Sample(sampler, 0.8, maxLength: 30)));

        var (exitCode, output, errors) = await Rnnbook.RunAsync(
            "generate", "names", "--model", NamesModel.Value + ".safetensors", "--count", "7", "--temperature", "0.8", "--seed", "5");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
        Assert.All(output.TrimEnd('\n').Split('\n'), name => Assert.Matches("^[a-z]*$", name));
    }

    [Fact]
    public async Task Music_writes_a_MIDI_and_a_WAV_file_per_melody_and_prints_their_paths()
    {
        var folder = Path.Combine(TestNotebook.NewFolder(), "out");

        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--count", "2", "--out", folder, "--seed", "3");

        Assert.True(exitCode == 0, errors);
        var paths = output.TrimEnd('\n').Split('\n');
        Assert.Equal(["melody-1.mid", "melody-1.wav", "melody-2.mid", "melody-2.wav"], paths.Select(Path.GetFileName));
        Assert.All(paths, path => Assert.Equal(folder, Path.GetDirectoryName(path)));
        var notes = MidiFiles.Read(paths[0]);
        Assert.Equal(60, notes[0].Pitch); // the seed note, C4
        var wav = File.ReadAllBytes(paths[1]);
        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(44 + 2 * new WavSynth(SampleRate: 16000, BeatsPerMinute: 110).SampleCount(notes), wav.Length);
    }

    [Fact]
    public async Task The_same_seed_writes_the_same_melody()
    {
        var first = Path.Combine(TestNotebook.NewFolder(), "a");
        var second = Path.Combine(TestNotebook.NewFolder(), "b");

        await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--out", first, "--seed", "8");
        await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--out", second, "--seed", "8");

        Assert.Equal(MidiFiles.Read(Path.Combine(first, "melody-1.mid")), MidiFiles.Read(Path.Combine(second, "melody-1.mid")));
    }

    [Fact]
    public async Task Every_melody_by_default_fills_eight_bars_of_4_4_with_at_least_32_notes_none_across_a_bar_line_and_ends_on_C()
    {
        var folder = Path.Combine(TestNotebook.NewFolder(), "whole");

        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--count", "25", "--out", folder, "--seed", "4");

        Assert.True(exitCode == 0, errors);
        var written = output.TrimEnd('\n').Split('\n').Where(p => p.EndsWith(".mid", StringComparison.Ordinal)).Select(MidiFiles.Read).ToList();
        var model = TokenLanguageModel.Load(MusicModel.Value);
        var sampler = new Sampler(4);
        var length = WholeTuneConstraint.ForMeter("4/4", 8);
        var melodies = Enumerable.Range(0, 25).Select(_ => NoteTokens.Decode(model.Sample(sampler, 1.0, 258, [NoteTokens.PitchId(60)], length))).ToList();
        Assert.Equal(melodies.Select(MidiFiles.JoinRests), written);  // the files hold what the sampler drew (adjacent rests joined)
        Assert.All(melodies, notes =>
        {
            string tune = string.Join(" ", notes);
            Assert.True(notes.Sum(n => n.Duration) == 8 * 16, tune);
            Assert.True(notes.Count >= 32, tune);
            Assert.True(notes[0].Pitch == 60 && notes[^1].Pitch % 12 == 0, tune);
            var starts = notes.Select((n, i) => notes.Take(i).Sum(m => m.Duration));
            Assert.True(starts.Zip(notes).All(p => p.First / 16 == (p.First + p.Second.Duration - 1) / 16), tune); // no note across a bar line
        });
    }

    [Fact]
    public async Task Bars_meter_key_and_prompt_shape_the_melody()
    {
        var folder = Path.Combine(TestNotebook.NewFolder(), "waltz");

        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--bars", "3", "--meter", "3/4",
            "--key", "minor", "--prompt", "A4:4 C5:2", "--out", folder, "--seed", "2");

        Assert.True(exitCode == 0, errors);
        var notes = MidiFiles.Read(output.Split('\n')[0]);
        Assert.Equal(3 * 12, notes.Sum(n => n.Duration));
        Assert.Equal([new MelodyNote(69, 4), new MelodyNote(72, 2)], notes.Take(2));
        Assert.Equal(9, notes[^1].Pitch % 12); // A, the tonic of A minor
    }

    [Fact]
    public async Task An_empty_prompt_starts_from_the_start_token_alone()
    {
        var folder = Path.Combine(TestNotebook.NewFolder(), "empty");

        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--prompt", "", "--out", folder, "--bars", "2");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(32, MidiFiles.Read(output.Split('\n')[0]).Sum(n => n.Duration));
    }

    [Theory]
    [InlineData("--bars", "0", "--bars must be 1..128; got 0")]
    [InlineData("--bars", "10000", "--bars must be 1..128; got 10000")]
    [InlineData("--meter", "5/0", "--meter: '5/0' is not a meter such as 4/4, 3/4 or 6/8")]
    [InlineData("--key", "dorian", "--key must be major or minor; got 'dorian'")]
    [InlineData("--prompt", "hello world", "--prompt: prompt note 1 'hello' is not PITCH:SIXTEENTHS")]
    [InlineData("--prompt", "C4:4 X#9:2", "--prompt: prompt note 2 'X#9:2': 'X#9' is not a pitch from C3 to E6")]
    [InlineData("--prompt", "C4:24", "--prompt 'C4:24' does not fit: seed token 2 (':24' after 'C4') is not allowed there: 8 bars of 16 sixteenths")]
    public async Task Bad_music_options_are_refused_with_a_clear_error_and_no_files(string option, string value, string message)
    {
        var folder = Path.Combine(TestNotebook.NewFolder(), "bad");

        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, option, value, "--out", folder);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, output + errors);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder).Any());
    }

    [Fact]
    public async Task A_prompt_of_ten_thousand_characters_is_refused()
    {
        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "music", "--model", MusicModel.Value, "--prompt", new string('C', 10_000));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("the prompt has 10000 characters; at most 1000", output + errors);
    }

    [Fact]
    public async Task A_missing_model_names_the_notebook_that_makes_it()
    {
        var missing = Path.Combine(TestNotebook.NewFolder(), "music.safetensors");

        var (exitCode, _, errors) = await Rnnbook.RunAsync("generate", "music", "--model", missing);

        Assert.Equal(2, exitCode);
        Assert.Contains($"rnnbook generate music: no model at {missing}", errors);
        Assert.Contains("notebooks/07-one-to-many-generation.ipynb trains and saves it", errors);
    }

    [Fact]
    public async Task A_names_model_is_refused_for_music()
    {
        var (exitCode, _, errors) = await Rnnbook.RunAsync("generate", "music", "--model", NamesModel.Value);

        Assert.Equal(2, exitCode);
        Assert.Contains("is a names model (grammar 'none'), not a music model", errors);
    }

    [Theory]
    [InlineData("weather", "unknown task 'weather'; known: names, music")]
    [InlineData("ner", "unknown task 'ner'; known: names, music")]
    public async Task An_unknown_task_is_refused_with_the_known_ones(string task, string message)
    {
        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", task);

        Assert.NotEqual(0, exitCode);
        Assert.Contains(message, output + errors);
    }

    [Fact]
    public async Task A_temperature_of_zero_is_refused()
    {
        var (exitCode, output, errors) = await Rnnbook.RunAsync("generate", "names", "--temperature", "0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("--temperature must be a finite number > 0; got 0", output + errors);
    }

    [Fact]
    public async Task Predict_does_not_take_a_generate_task()
    {
        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "names"], "");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unknown task 'names'; known: ner", output + errors);
    }
}
