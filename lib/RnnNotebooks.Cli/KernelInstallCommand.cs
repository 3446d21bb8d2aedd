using System.Diagnostics;
using RnnNotebooks.Jupyter;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook kernel install [--user | --sys-prefix | --prefix DIR]</c>: writes the <c>rnnnotebooks-csharp</c>
/// kernelspec, whose argv runs this build of rnnbook (<see cref="KernelCommandLine"/>).
/// </summary>
internal sealed class KernelInstallCommand(IAnsiConsole console, ErrorWriter errors) : Command<KernelInstallSettings>
{
    public override int Execute(CommandContext context, KernelInstallSettings settings, CancellationToken cancellationToken)
    {
        var command = KernelCommandLine.For(typeof(KernelInstallCommand).Assembly.Location);
        if (settings.SysPrefix)
        {
            return InstallWithJupyter(command);
        }
        var kernels = settings.Prefix is { } prefix ? KernelSpecLocation.Prefix(prefix) : KernelSpecLocation.User();
        var folder = KernelSpec.WriteTo(kernels, command);
        console.MarkupLine($"Installed kernelspec [bold]{KernelSpec.Name}[/] ({Markup.Escape(KernelSpec.DisplayName)}) in {Markup.Escape(folder)}");
        console.MarkupLine($"It runs: {Markup.Escape(string.Join(' ', command))} kernel run --connection-file {{connection_file}}");
        return 0;
    }

    /// <summary>--sys-prefix: only Jupyter knows its Python's prefix, so write the spec to a temporary folder and let it install that.</summary>
    private int InstallWithJupyter(IReadOnlyList<string> command)
    {
        var staging = Directory.CreateTempSubdirectory("rnnbook-kernelspec-").FullName;
        try
        {
            var folder = KernelSpec.WriteTo(staging, command);
            var start = new ProcessStartInfo("jupyter") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "kernelspec", "install", "--sys-prefix", "--name", KernelSpec.Name, folder })
            {
                start.ArgumentList.Add(arg);
            }
            using var jupyter = Process.Start(start)!;
            var output = jupyter.StandardOutput.ReadToEndAsync();
            var error = jupyter.StandardError.ReadToEnd();
            jupyter.WaitForExit();
            console.WriteLine((output.Result + error).Trim());
            return jupyter.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            errors.Writer.WriteLine("rnnbook kernel install --sys-prefix needs `jupyter` on PATH (it knows its Python's prefix); use --user or --prefix DIR instead.");
            return 1;
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
