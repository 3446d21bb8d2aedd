using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>The arguments of <c>rnnbook kernel run</c>, which kernel.json passes.</summary>
internal sealed class KernelRunSettings : CommandSettings
{
    /// <summary>The connection file Jupyter wrote for this kernel.</summary>
    [CommandOption("-f|--connection-file <FILE>")]
    [Description("The connection file Jupyter wrote ({connection_file} in kernel.json): ports, address and signing key.")]
    public string? ConnectionFile { get; init; }

    /// <inheritdoc />
    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(ConnectionFile)
            ? ValidationResult.Error("rnnbook kernel run needs --connection-file FILE (Jupyter passes it; see kernel.json).")
            : ValidationResult.Success();
}
