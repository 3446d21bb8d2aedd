using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook predict TASK [--model FILE]</c>: loads the model a notebook saved, then reads one input per line and writes
/// one answer per line, until the input ends (a model that reads its input as one document answers when it has ended). A missing model says which notebook makes it (exit code 2).
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
        var answers = task.Load!(path, settings.Document);
        var all = new List<string>();
        while (await lines.In.ReadLineAsync(cancellationToken) is { } line)
        {
            if (answers.EachLine is { } answer)
            {
                await lines.Out.WriteLineAsync(answer(line));
            }
            else
            {
                all.Add(line);
            }
        }
        foreach (var answer in answers.AllLines?.Invoke(all) ?? [])
        {
            await lines.Out.WriteLineAsync(answer);
        }
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }
}
