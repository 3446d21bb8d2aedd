using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook train translate [--epochs N] [--seed S] [--model FILE]</c>.</summary>
internal sealed class TrainSettings : CommandSettings
{
    /// <summary>The task: translate.</summary>
    [CommandArgument(0, "<task>")]
    [Description("What to train: translate (notebook 05's English-to-French attention model over subwords, on the Tatoeba pairs).")]
    public string Task { get; init; } = "";

    /// <summary>Passes over the training pairs.</summary>
    [CommandOption("-e|--epochs <N>")]
    [Description("Passes over the training pairs (default 10; notebook 05 trains 5).")]
    public int Epochs { get; init; } = 10;

    /// <summary>The seed of the weights and the shuffling.</summary>
    [CommandOption("-s|--seed <S>")]
    [Description("The seed of the weights and of the shuffling (default 1, as the notebook).")]
    public int Seed { get; init; } = 1;

    /// <summary>Where the model goes.</summary>
    [CommandOption("-m|--model <FILE>")]
    [Description("Where to save the model (NAME.safetensors beside NAME.json); default: out/models/translate.safetensors, where `rnnbook predict translate` looks.")]
    public string? Model { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (Task.Trim().ToLowerInvariant() != "translate")
        {
            return ValidationResult.Error($"rnnbook train: unknown task '{Task}'; known: translate.");
        }
        return Epochs is < 1 or > 1000
            ? ValidationResult.Error($"rnnbook train: --epochs must be 1..1000; got {Epochs}.")
            : ValidationResult.Success();
    }
}
