using RnnNotebooks.Engine;
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
        var path = settings.Model ?? DefaultModel(task);
        if (path is null || !File.Exists(Path.ChangeExtension(path, ".safetensors")))
        {
            errors.Writer.WriteLine($"rnnbook predict {task.Name}: no model at {path ?? $"out/models/{task.Name}.safetensors"}. " +
                $"{task.Notebook} trains and saves it (rnnbook run {task.Notebook}); or pass --model FILE.");
            return 2;
        }
        var answer = task.Load(path);
        while (await lines.In.ReadLineAsync(cancellationToken) is { } line)
        {
            await lines.Out.WriteLineAsync(answer(line));
        }
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }

    /// <summary>out/models/TASK.safetensors in the repository around the working directory, or null outside one.</summary>
    private static string? DefaultModel(TaskModels.TaskModel task) =>
        RepositoryLayout.TryFind(Environment.CurrentDirectory) is { } repository ? task.DefaultPath(repository.OutputFolder) : null;
}
