using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook kernel install</c>: where the kernelspec goes.</summary>
internal sealed class KernelInstallSettings : CommandSettings
{
    /// <summary>Install for the current user (the default).</summary>
    [CommandOption("--user")]
    [Description("Install for the current user, in Jupyter's user data folder (the default).")]
    public bool User { get; init; }

    /// <summary>Install into the prefix of the Python that runs Jupyter (a virtualenv or conda env; Binder).</summary>
    [CommandOption("--sys-prefix")]
    [Description("Install into the environment of the Python that runs Jupyter (asks `jupyter kernelspec install --sys-prefix`).")]
    public bool SysPrefix { get; init; }

    /// <summary>Install into <c>PREFIX/share/jupyter/kernels</c>.</summary>
    [CommandOption("--prefix <DIR>")]
    [Description("Install into DIR/share/jupyter/kernels (Jupyter finds it with JUPYTER_PATH=DIR/share/jupyter).")]
    public string? Prefix { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        new[] { User, SysPrefix, Prefix is not null }.Count(chosen => chosen) > 1
            ? ValidationResult.Error("Choose one of --user, --sys-prefix and --prefix DIR.")
            : ValidationResult.Success();
}
