using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook predict TASK [--model FILE]</c>: loads the model a notebook saved, then reads one input per line and writes
/// one answer per line, until the input ends. A missing model says which notebook makes it (exit code 2).
/// </summary>
internal sealed class PredictCommand(ErrorWriter errors, LineStreams lines) : AsyncCommand<PredictSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, PredictSettings settings, CancellationToken cancellationToken)
    {
        var task = TaskModels.Find(settings.Task)!;
        if (TaskModels.ResolveModel(task, settings.Model, errors.Writer, "predict") is not { } path)
        {
            return 2;
        }
        var answer = task.Load!(path);
        while (await lines.In.ReadLineAsync(cancellationToken) is { } line)
        {
            await lines.Out.WriteLineAsync(answer(line));
        }
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }
}
