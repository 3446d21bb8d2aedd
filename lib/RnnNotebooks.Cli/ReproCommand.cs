using RnnNotebooks.Tasks;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook repro [--seed N]</c>: runs <see cref="SeededRuns"/> (short seeded trainings of the core's RNN, GRU, LSTM and
/// attention encoder-decoder and of every application model) and prints <see cref="SeededRunTable"/>: each model's
/// parameters' SHA-256 before and after training, and what it sampled. Plain text, no colour, no time, nothing of the
/// machine: two machines' outputs compare as text. Bundled data not found: exit code 2, the reason on standard error.
/// </summary>
internal sealed class ReproCommand(ErrorWriter errors, LineStreams lines) : AsyncCommand<ReproSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ReproSettings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<SeededRun> runs;
        try
        {
            runs = SeededRuns.Run(settings.Seed);
        }
        catch (DirectoryNotFoundException)
        {
            await errors.Writer.WriteLineAsync("rnnbook repro: the trainings read the repository's bundled data (data/), found by walking up to RnnNotebooks.sln "
                + $"from rnnbook's folder ({AppContext.BaseDirectory}) or the current folder ({Environment.CurrentDirectory}); neither is inside a clone. "
                + "Run it from a clone, or the rnnbook built in one.");
            return 2;
        }
        await lines.Out.WriteAsync(SeededRunTable.Format(settings.Seed, runs));
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }
}
