using RnnNotebooks.Jupyter;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook kernel run --connection-file FILE</c>: serves the Jupyter kernel until it is shut down, or until the
/// process that started it exits. What kernel.json launches. Exit code 2 for a bad connection file, 1 when the
/// kernel cannot start.
/// </summary>
internal sealed class KernelRunCommand(ErrorWriter errors) : AsyncCommand<KernelRunSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, KernelRunSettings settings, CancellationToken cancellationToken)
    {
        ConnectionInfo connection;
        try
        {
            connection = ConnectionInfo.Read(settings.ConnectionFile!);
        }
        catch (ConnectionFileException e)
        {
            errors.Writer.WriteLine($"rnnbook kernel: bad connection file {e.Message}");
            return 2;
        }
        var log = KernelLog.StandardError();
        JupyterKernel kernel;
        try
        {
            kernel = await JupyterKernel.StartAsync(connection, log);
        }
        catch (InvalidOperationException e)
        {
            errors.Writer.WriteLine($"rnnbook kernel: cannot start: {e.Message}");
            return 1;
        }
        using (kernel)
        {
            await kernel.RunAsync();
        }
        log.Write("stopped");
        return 0;
    }
}
