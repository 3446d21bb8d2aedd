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
        model.Train(names.Select(letters.EncodeCharacters).ToList(), options: new TokenTrainingOptions { Epochs = 3, BatchSize = 32 });
        var path = Path.Combine(TestNotebook.NewFolder(), "names");
        model.Save(path, "names");
        return path;
    });

    private static readonly Lazy<string> MusicModel = new(() =>
    {
        var tunes = BundledTunes.Load(BundledTunes.FindFolder(Repository.Layout.Root)).Select(t => NoteTokens.Encode(t.ToNaturalKey())).ToList();
        var model = TokenLanguageModel.Create(NoteTokens.Vocabulary, nA: 16, seed: 1, TokenGrammars.PitchThenDuration);
        model.Train(tunes, options: new TokenTrainingOptions { Epochs = 3, BatchSize = 8 });
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
