using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using RnnNotebooks.Engine;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook run</c>.</summary>
internal sealed class RunSettings : NotebookSettings
{
    /// <summary>Write the executed notebooks over their sources instead of into the output folder.</summary>
    [CommandOption("--in-place")]
    [Description("Write each executed notebook over its source (only when it ran without error).")]
    public bool InPlace { get; init; }

    /// <summary>The per-cell time limit in seconds.</summary>
    [CommandOption("-t|--time-limit <SECONDS>")]
    [Description("Per-cell time limit in seconds (default: 300).")]
    public double TimeLimitSeconds { get; init; } = RunOptions.DefaultCellTimeLimit.TotalSeconds;

    /// <summary>Let notebooks from outside the course's notebooks/ into the course's book (out/).</summary>
    [CommandOption("--add-to-book")]
    [Description("Add notebooks from outside notebooks/ to the course's book in out/ (by default they go to out/other/).")]
    public bool AddToBook { get; init; }

    /// <summary>Grade the exercises as written instead of running the notebooks' solutions after them.</summary>
    [CommandOption("--as-written")]
    [Description("Grade each exercise as you wrote it: do not run the notebook's solution after the exercise cell.")]
    public bool AsWritten { get; init; }

    /// <summary>Run and write the notebooks as the repository stores them (<see cref="RunOptions.Store"/>).</summary>
    [CommandOption("--store")]
    [Description("Write the notebooks as the repository keeps them: no times, with the real datasets (a notebook whose data is not found fails), every chart also as a PNG (needs Chromium, Chrome or Edge). With --in-place: refresh notebooks/.")]
    public bool Store { get; init; }

    /// <summary>Skip rendering the book after the run.</summary>
    [CommandOption("--no-render")]
    [Description("Do not render the book after running.")]
    public bool NoRender { get; init; }

    /// <summary>Check the arguments and print what would run and where it would be written, running nothing.</summary>
    [CommandOption("--dry-run")]
    [Description("Check the arguments, print the notebooks it would run and where it would write them, and run nothing.")]
    public bool DryRun { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        TimeLimitSeconds is > 0 and < 86400 ? base.Validate() : ValidationResult.Error("--time-limit must be between 0 and 86400 seconds.");
}
