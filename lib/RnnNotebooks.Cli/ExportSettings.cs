using System.ComponentModel;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook export</c>: which notebooks (as for run), and where the apps go.</summary>
internal sealed class ExportSettings : NotebookSettings
{
    /// <summary>Check that the exported files are up to date instead of writing them.</summary>
    [CommandOption("--check")]
    [Description("Write nothing; exit 1 when an exported file is missing or differs from a fresh export (for CI).")]
    public bool Check { get; init; }
}
