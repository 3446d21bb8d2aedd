using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook train translate|ner [--epochs N] [--seed S] [--taggers K] [--model FILE]</c>.</summary>
internal sealed class TrainSettings : CommandSettings
{
    /// <summary>The task: translate or ner.</summary>
    [CommandArgument(0, "<task>")]
    [Description("What to train: translate (notebook 05's English-to-French attention model over subwords, on the Tatoeba pairs) or ner (ten of notebook 04's CRF taggers as one ensemble, on wikigold).")]
    public string Task { get; init; } = "";

    /// <summary>Passes over the training data; null: the task's default.</summary>
    [CommandOption("-e|--epochs <N>")]
    [Description("Passes over the training data (translate: default 10, notebook 05 trains 5; ner: at most, default 15 as notebook 04, each tagger keeping its best dev epoch).")]
    public int? Epochs { get; init; }

    /// <summary>The seed of the weights and the shuffling.</summary>
    [CommandOption("-s|--seed <S>")]
    [Description("The seed of the weights and of the shuffling (default 1, as the notebook).")]
    public int Seed { get; init; } = 1;

    /// <summary>ner: how many taggers the ensemble trains; null: <see cref="DefaultTaggers"/>.</summary>
    [CommandOption("-k|--taggers <K>")]
    [Description("ner only: how many taggers the ensemble trains, 1..40 (default 10; two at a time on two cores, about 20 s each).")]
    public int? Taggers { get; init; }

    /// <summary>The ensemble's size when --taggers is not given: ten taggers reach the organisations (docs/results.md), three do not.</summary>
    public const int DefaultTaggers = 10;

    /// <summary>Where the model goes.</summary>
    [CommandOption("-m|--model <FILE>")]
    [Description("Where to save the model (NAME.safetensors beside NAME.json); default: out/models/translate.safetensors, where `rnnbook predict translate` looks.")]
    public string? Model { get; init; }

    /// <summary>The task's name, trimmed and in lower case.</summary>
    public string TaskName => Task.Trim().ToLowerInvariant();

    /// <summary>The epochs asked for, or the task's default.</summary>
    public int EpochsOrDefault => Epochs ?? (TaskName == "ner" ? 15 : 10);

    /// <summary>The taggers asked for, or <see cref="DefaultTaggers"/>.</summary>
    public int TaggersOrDefault => Taggers ?? DefaultTaggers;

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (TaskName is not ("translate" or "ner"))
        {
            return ValidationResult.Error($"rnnbook train: unknown task '{Task}'; known: translate, ner.");
        }
        if (Taggers is { } taggers && (TaskName != "ner" || taggers is < 1 or > 40))
        {
            return ValidationResult.Error(TaskName != "ner"
                ? $"rnnbook train: --taggers is for ner only; {TaskName} trains one model."
                : $"rnnbook train: --taggers must be 1..40; got {taggers}.");
        }
        return Epochs is < 1 or > 1000
            ? ValidationResult.Error($"rnnbook train: --epochs must be 1..1000; got {Epochs}.")
            : ValidationResult.Success();
    }
}
