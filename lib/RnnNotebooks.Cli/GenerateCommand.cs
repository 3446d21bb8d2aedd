using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook generate names|music</c>: loads the model notebook 07 saved and samples from it. Names are printed one per
/// line; each melody (from the prompt, by default the note C4) lasts --bars bars of --meter with no note across a bar line
/// and ends on the tonic (<see cref="WholeTuneConstraint"/>); it is written as melody-N.mid (NAudio.Midi) and melody-N.wav
/// (a small synthesiser) into --out, and their paths printed. A missing model says which notebook makes it (exit code 2);
/// a prompt that does not fit the bars is refused with the note and the rule it breaks (exit code 2).
/// </summary>
internal sealed class GenerateCommand(ErrorWriter errors, LineStreams lines) : AsyncCommand<GenerateSettings>
{
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
        IEnumerable<string> output;
        try
        {
            output = task.Name == "music" ? Melodies(model, sampler, settings).ToList() : Names(model, sampler, settings);
        }
        catch (ArgumentException e) when (e.ParamName == "seed")
        {
            errors.Writer.WriteLine($"rnnbook generate music: --prompt '{settings.Prompt}' does not fit: {e.Message.Split(" (Parameter")[0]}");
            return 2;
        }
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
        var length = WholeTuneConstraint.ForMeter(settings.Meter, settings.Bars, settings.Tonic);
        var prompt = NoteTokens.ParsePrompt(settings.Prompt);
        for (int i = 1; i <= (settings.Count ?? 1); i++)
        {
            var tokens = model.Sample(sampler, settings.Temperature, maxLength: 2 * length.TotalLength + 2, seed: prompt, constraint: length);
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
