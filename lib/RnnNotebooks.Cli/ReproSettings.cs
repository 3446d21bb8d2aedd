using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook repro [--seed N]</c>.</summary>
internal sealed class ReproSettings : CommandSettings
{
    /// <summary>The seed of every training's data, weights, minibatches and samplers.</summary>
    [CommandOption("-s|--seed <N>")]
    [Description("The seed of every training (data, weights, minibatch order, sampling), N >= 0 (default 1). The same seed must give the same table on every machine.")]
    public int Seed { get; init; } = 1;

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        Seed >= 0
            ? ValidationResult.Success()
            : ValidationResult.Error($"rnnbook repro: --seed must be >= 0; got {Seed}.");
}
