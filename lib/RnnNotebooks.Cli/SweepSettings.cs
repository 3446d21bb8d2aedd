using System.ComponentModel;
using RnnNotebooks.Engine;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook sweep [NOTEBOOK...] [--seeds N] [--csv FILE]</c>.</summary>
internal sealed class SweepSettings : CommandSettings
{
    /// <summary>The default number of seeds: enough to see a spread, few enough for minutes.</summary>
    public const int DefaultSeedCount = 5;

    /// <summary>Notebook files or folders; by default every notebook in the repository's notebooks/.</summary>
    [CommandArgument(0, "[notebooks]")]
    [Description("Notebook files or folders (default: every .ipynb in the repository's notebooks/).")]
    public string[] Notebooks { get; init; } = [];

    /// <summary>How many runs per notebook, with seed offsets 0 .. N - 1.</summary>
    [CommandOption("-n|--seeds <N>")]
    [Description("Runs per notebook, with the model seeds shifted by 0 .. N-1 (default: 5). Offset 0 is the notebook as stored.")]
    public int SeedCount { get; init; } = DefaultSeedCount;

    /// <summary>A file to write the tables to as CSV, besides printing them.</summary>
    [CommandOption("--csv <FILE>")]
    [Description("Also write the tables as CSV: notebook, figure, seeds, reported, min, median, max, expected_min, expected_max, inside, values (each run's, in seed order).")]
    public string? Csv { get; init; }

    /// <summary>The per-cell time limit in seconds.</summary>
    [CommandOption("-t|--time-limit <SECONDS>")]
    [Description("Per-cell time limit in seconds (default: 300).")]
    public double TimeLimitSeconds { get; init; } = RunOptions.DefaultCellTimeLimit.TotalSeconds;

    /// <summary>The notebook files named by <see cref="Notebooks"/> (folders expanded), or the repository's.</summary>
    public IReadOnlyList<string> ResolveNotebooks() => NotebookSettings.Resolve(Notebooks);

    /// <inheritdoc />
    public override ValidationResult Validate()
    {
        if (SeedCount is < 1 or > 1000)
        {
            return ValidationResult.Error($"rnnbook sweep: --seeds must be between 1 and 1000; got {SeedCount}.");
        }
        if (TimeLimitSeconds is not (> 0 and < 86400))
        {
            return ValidationResult.Error("--time-limit must be between 0 and 86400 seconds.");
        }
        return NotebookSettings.ValidateNotebooks(Notebooks);
    }
}
