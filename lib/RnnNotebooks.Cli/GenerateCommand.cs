using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook generate names|music</c>: loads the model notebook 07 saved and samples from it. Names are printed one per
/// line; each melody (from the seed note C4) is written as melody-N.mid (NAudio.Midi) and melody-N.wav (a small
/// synthesiser) into --out, and their paths printed. A missing model says which notebook makes it (exit code 2).
/// </summary>
internal sealed class GenerateCommand(ErrorWriter errors, LineStreams lines) : AsyncCommand<GenerateSettings>
{
    /// <summary>The seed note of a melody: middle C (C4), x&lt;1&gt;.</summary>
    private const int SeedPitch = 60;

    public override async Task<int> ExecuteAsync(CommandContext context, GenerateSettings settings, CancellationToken cancellationToken)
    {
        var task = TaskModels.FindGenerative(settings.Task)!;
        if (TaskModels.ResolveModel(task, settings.Model, errors.Writer, "generate") is not { } path)
        {
            return 2;
        }
        var model = TokenLanguageModel.Load(path);
        bool isMusic = model.Grammar == TokenGrammars.PitchThenDuration;
        if (isMusic != (task.Name == "music"))
        {
            errors.Writer.WriteLine($"rnnbook generate {task.Name}: {path} is a {(isMusic ? "music" : "names")} model (grammar '{model.Grammar}'), not a {task.Name} model.");
            return 2;
        }
        var sampler = new Sampler(settings.Seed);
        var output = task.Name == "music" ? Melodies(model, sampler, settings) : Names(model, sampler, settings);
        foreach (var line in output)
        {
            await lines.Out.WriteLineAsync(line);
        }
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }

    private static IEnumerable<string> Names(TokenLanguageModel model, Sampler sampler, GenerateSettings settings)
    {
        for (int i = 0; i < (settings.Count ?? 10); i++)
        {
            yield return model.Vocabulary.Decode(model.Sample(sampler, settings.Temperature, maxLength: 30));
        }
    }

    private static IEnumerable<string> Melodies(TokenLanguageModel model, Sampler sampler, GenerateSettings settings)
    {
        var synth = new WavSynth(SampleRate: 16000, BeatsPerMinute: 110);
        for (int i = 1; i <= (settings.Count ?? 1); i++)
        {
            var tokens = model.Sample(sampler, settings.Temperature, maxLength: 128, seed: [NoteTokens.PitchId(SeedPitch)]);
            var notes = NoteTokens.Decode(tokens);
            var midi = Path.GetFullPath(Path.Combine(settings.Out, $"melody-{i}.mid"));
            var wav = Path.ChangeExtension(midi, ".wav");
            MidiFiles.Write(midi, notes, synth.BeatsPerMinute);
            synth.Write(wav, notes);
            yield return midi;
            yield return wav;
        }
    }
}
