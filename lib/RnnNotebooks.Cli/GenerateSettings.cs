using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook generate names|music [--model FILE] [--count N] [--temperature T] [--seed S] [--out DIR]</c>.</summary>
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
    [Description("music: the folder for melody-N.mid and melody-N.wav (default: ./generated).")]
    public string Out { get; init; } = "generated";

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
        return Temperature > 0 && double.IsFinite(Temperature)
            ? ValidationResult.Success()
            : ValidationResult.Error($"rnnbook generate: --temperature must be a finite number > 0; got {Temperature}.");
    }
}
