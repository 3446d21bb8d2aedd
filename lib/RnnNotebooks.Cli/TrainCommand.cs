using System.Diagnostics;
using System.Globalization;
using RnnNotebooks.Data;
using RnnNotebooks.Engine;
using RnnNotebooks.Tasks;
using Spectre.Console;
using Spectre.Console.Cli;

namespace RnnNotebooks.Cli;

/// <summary>
/// <c>rnnbook train translate</c>: trains notebook 05's translator (<see cref="TatoebaTranslator"/>) for more epochs, with a
/// progress bar over the minibatches, scores it on the held-out sentences (corpus BLEU, greedy) and saves it where
/// <c>rnnbook predict translate</c> looks. Without the Tatoeba pairs it says where they are looked for (exit code 2).
/// </summary>
internal sealed class TrainCommand(IAnsiConsole console, ErrorWriter errors, LineStreams lines) : AsyncCommand<TrainSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        var path = settings.Model ?? (RepositoryLayout.TryFind(Environment.CurrentDirectory) is { } repository
            ? Path.Combine(repository.OutputFolder, "models", "translate") : null);
        if (path is null)
        {
            errors.Writer.WriteLine("rnnbook train translate: not inside the repository, so there is no out/models/; pass --model FILE.");
            return 2;
        }
        TranslationSplits splits;
        try
        {
            (splits, _) = await Tatoeba.LoadAsync(cancellationToken: cancellationToken);
        }
        catch (DataUnavailableException e)
        {
            errors.Writer.WriteLine($"rnnbook train translate: needs the Tatoeba pairs: {e.Reason}");
            return 2;
        }
        var clock = Stopwatch.StartNew();
        var translator = TatoebaTranslator.Create(TatoebaTranslator.Pairs(splits.Train), settings.Seed);
        Train(translator, splits, settings);
        var bleu = TatoebaTranslator.HeldOutBleu(translator, splits.Test);
        translator.Save(path);
        await lines.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"BLEU {bleu.Score:F2} on {splits.Test.Select(p => p.English).Distinct().Count()} held-out English sentences ({splits.Test.Count} reference translations, greedy) after {settings.Epochs} epochs, {clock.Elapsed.TotalSeconds:F0} s; saved {Path.ChangeExtension(path, ".safetensors")}"));
        await lines.Out.FlushAsync(cancellationToken);
        return 0;
    }

    private void Train(Translator translator, TranslationSplits splits, TrainSettings settings)
    {
        var train = TatoebaTranslator.Pairs(splits.Train);
        var options = TranslatorTraining.Defaults with { Epochs = settings.Epochs, Seed = settings.Seed };
        console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var bar = progress.AddTask("translate: epoch 1", maxValue: settings.Epochs);
                TranslatorTraining.Train(translator, train, options: options,
                    batchDone: (epoch, share) => bar.Value = epoch - 1 + share,
                    progress: epoch =>
                    {
                        bar.Value = epoch.Epoch;
                        bar.Description = string.Create(CultureInfo.InvariantCulture, $"translate: epoch {Math.Min(epoch.Epoch + 1, settings.Epochs)}, loss per token {epoch.TrainLoss:F3}");
                    });
            });
    }
}
