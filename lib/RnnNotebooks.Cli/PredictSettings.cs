using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook predict TASK [--model FILE]</c>.</summary>
internal sealed class PredictSettings : CommandSettings
{
    /// <summary>The task, e.g. <c>ner</c> or <c>sentiment</c>.</summary>
    [CommandArgument(0, "<task>")]
    [Description("What to predict: ner (tokens separated by spaces -> IOB2 tags), dates (a date as people write it -> yyyy-mm-dd), translate (an English sentence -> French), sentiment (a sentence -> 1 or 0, TAB, p(positive); an empty line -> the model's prior).")]
    public string Task { get; init; } = "";

    /// <summary>The saved model; by default the one the task's notebook saved under out/models.</summary>
    [CommandOption("-m|--model <FILE>")]
    [Description("The saved model (NAME.safetensors beside NAME.json); default: out/models/TASK.safetensors, which the task's notebook writes.")]
    public string? Model { get; init; }

    /// <summary>NER only: the lines are one article, tagged together, each name given the type most of its mentions got.</summary>
    [CommandOption("--document")]
    [Description("ner only: read the lines as one article and answer when the input ends; every mention of the same words gets the type most of its mentions got (notebook 04's label-consistency pass).")]
    public bool Document { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        TaskModels.Find(Task) is null
            ? ValidationResult.Error($"rnnbook predict: unknown task '{Task}'; known: {string.Join(", ", TaskModels.Names)}.")
            : Document && TaskModels.Find(Task)!.Name != "ner"
                ? ValidationResult.Error($"rnnbook predict: --document reads an article for the ner task; {Task} answers each line alone.")
                : ValidationResult.Success();
}
