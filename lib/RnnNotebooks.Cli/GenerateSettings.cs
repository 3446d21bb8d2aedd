using System.ComponentModel;
using RnnNotebooks.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// The arguments of <c>rnnbook generate names|music [--model FILE] [--count N] [--temperature T] [--seed S] [--out DIR]</c>,
/// and for music <c>[--bars N] [--meter M] [--key major|minor] [--prompt NOTES]</c>.
/// </summary>
internal sealed class GenerateSettings : CommandSettings
{
    /// <summary>What to generate: names or music.</summary>
    [CommandArgument(0, "<task>")]
    [Description("What to generate: names (one per line) or music (MIDI and WAV files in --out, their paths printed).")]
    public string Task { get; init; } = "";

    /// <summary>The saved model; by default the one notebook 07 saved under out/models.</summary>
    [CommandOption("-m|--model <FILE>")]
    [Description("The saved model (NAME.safetensors beside NAME.json); default: out/models/TASK.safetensors, which notebook 07 writes.")]
    public string? Model { get; init; }

    /// <summary>How many names or melodies.</summary>
    [CommandOption("-n|--count <N>")]
    [Description("How many names or melodies (default: 10 names, 1 melody).")]
    public int? Count { get; init; }

    /// <summary>T: below 1 safer, above 1 more adventurous.</summary>
    [CommandOption("-t|--temperature <T>")]
    [Description("The sampling temperature T > 0: softmax(z / T); below 1 safer, above 1 more varied (default 1).")]
    public double Temperature { get; init; } = 1.0;

    /// <summary>The sampler's seed.</summary>
    [CommandOption("-s|--seed <S>")]
    [Description("The seed of the sampler: the same seed gives the same output (default 1).")]
    public int Seed { get; init; } = 1;

    /// <summary>Where music goes.</summary>
    [CommandOption("-o|--out <DIR>")]
    [Description("music: the folder for melody-N.mid and melody-N.wav (default: out/generated, which git ignores).")]
    public string Out { get; init; } = Path.Combine("out", "generated");

    /// <summary>music: how many bars each melody lasts.</summary>
    [CommandOption("-b|--bars <N>")]
    [Description("music: the bars each melody lasts, 1..128 (default 8); no note crosses a bar line, the last note is the tonic.")]
    public int Bars { get; init; } = 8;

    /// <summary>music: the meter of the bars.</summary>
    [CommandOption("--meter <M>")]
    [Description("music: the meter as in ABC's M: field, 4/4, 3/4, 6/8, 2/4 ... (default 4/4, the commonest in the bundled tunes).")]
    public string Meter { get; init; } = "4/4";

    /// <summary>music: major (ends on C) or minor (ends on A), the keys the tunes are moved to.</summary>
    [CommandOption("--key <KEY>")]
    [Description("music: major (C major, the last note a C) or minor (A minor, the last note an A); default major.")]
    public string Key { get; init; } = "major";

    /// <summary>music: the notes each melody starts with.</summary>
    [CommandOption("--prompt <NOTES>")]
    [Description("music: the notes each melody starts with, PITCH:SIXTEENTHS separated by spaces (\"C4:4 E4:2\"); the last may be a pitch alone; \"\" for none (default C4).")]
    public string Prompt { get; init; } = "C4";

    /// <summary>The tonic's pitch class of <see cref="Key"/>: 0 (C) for major, 9 (A) for minor.</summary>
    public int Tonic => Key.Trim().ToLowerInvariant() == "minor" ? 9 : 0;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (TaskModels.FindGenerative(Task) is null)
        {
            return ValidationResult.Error($"rnnbook generate: unknown task '{Task}'; known: {string.Join(", ", TaskModels.GenerativeNames)}.");
        }
        if (Count is < 1 or > 10_000)
        {
            return ValidationResult.Error($"rnnbook generate: --count must be 1..10000; got {Count}.");
        }
        if (!(Temperature > 0 && double.IsFinite(Temperature)))
        {
            return ValidationResult.Error($"rnnbook generate: --temperature must be a finite number > 0; got {Temperature}.");
        }
        return ValidateMusic();
    }

    /// <summary>--bars, --meter, --key and --prompt, each with the error that names it.</summary>
    private ValidationResult ValidateMusic()
    {
        if (Bars is < 1 or > WholeTuneConstraint.MaxBars)
        {
            return ValidationResult.Error($"rnnbook generate: --bars must be 1..{WholeTuneConstraint.MaxBars}; got {Bars}.");
        }
        if (Key.Trim().ToLowerInvariant() is not ("major" or "minor"))
        {
            return ValidationResult.Error($"rnnbook generate: --key must be major or minor; got '{Key}'.");
        }
        try
        {
            WholeTuneConstraint.BarLengthOf(Meter);
            NoteTokens.ParsePrompt(Prompt);
            return ValidationResult.Success();
        }
        catch (ArgumentException e)
        {
            return ValidationResult.Error($"rnnbook generate: --{(e.ParamName == "meter" ? "meter" : "prompt")}: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
