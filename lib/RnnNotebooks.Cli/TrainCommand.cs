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
/// <c>rnnbook predict translate</c> looks. <c>rnnbook train ner</c>: trains ten (<c>--taggers K</c>) of notebook 04's CRF
/// taggers, two at a time on two cores, each with its own seed and input dropout, scores their ensemble
/// (<see cref="NerEnsemble"/>) on wikigold's held-out articles, alone and with the label-consistency pass, and saves it
/// where <c>rnnbook predict ner</c> looks. Without the data either says where it is looked for (exit code 2).
/// </summary>
internal sealed class TrainCommand(IAnsiConsole console, ErrorWriter errors, LineStreams lines) : AsyncCommand<TrainSettings>
{
    /// <summary>
    /// The input dropouts of the NER ensemble's members, member k taking the (k mod 5)-th: notebook 04's 0.5 first, then
    /// one lower and one higher, then two between, so that the members differ in how much they drop as well as in their draws.
    /// </summary>
    private static readonly double[] NerDropouts = [0.5, 0.3, 0.65, 0.4, 0.55];

    public override async Task<int> ExecuteAsync(CommandContext context, TrainSettings settings, CancellationToken cancellationToken)
    {
        string task = settings.TaskName;
        var path = settings.Model ?? (RepositoryLayout.TryFind(Environment.CurrentDirectory) is { } repository
            ? Path.Combine(repository.OutputFolder, "models", task) : null);
        if (path is null)
        {
            errors.Writer.WriteLine($"rnnbook train {task}: not inside the repository, so there is no out/models/; pass --model FILE.");
            return 2;
        }
        try
        {
            string summary = task == "ner" ? await TrainNerAsync(settings, path, cancellationToken) : await TrainTranslateAsync(settings, path, cancellationToken);
            await lines.Out.WriteLineAsync(summary);
            await lines.Out.FlushAsync(cancellationToken);
            return 0;
        }
        catch (DataUnavailableException e)
        {
            errors.Writer.WriteLine($"rnnbook train {task}: needs {(task == "ner" ? "wikigold" : "the Tatoeba pairs")}: {e.Reason}");
            return 2;
        }
    }

    private async Task<string> TrainTranslateAsync(TrainSettings settings, string path, CancellationToken cancellationToken)
    {
        var (splits, _) = await Tatoeba.LoadAsync(cancellationToken: cancellationToken);
        var clock = Stopwatch.StartNew();
        var translator = TatoebaTranslator.Create(TatoebaTranslator.Pairs(splits.Train), settings.Seed);
        Train(translator, splits, settings);
        var bleu = TatoebaTranslator.HeldOutBleu(translator, splits.Test);
        translator.Save(path);
        return string.Create(CultureInfo.InvariantCulture,
            $"BLEU {bleu.Score:F2} on {splits.Test.Select(p => p.English).Distinct().Count()} held-out English sentences ({splits.Test.Count} reference translations, greedy) after {settings.EpochsOrDefault} epochs, {clock.Elapsed.TotalSeconds:F0} s; saved {Path.ChangeExtension(path, ".safetensors")}");
    }

    private void Train(Translator translator, TranslationSplits splits, TrainSettings settings)
    {
        var train = TatoebaTranslator.Pairs(splits.Train);
        int epochs = settings.EpochsOrDefault;
        var options = TranslatorTraining.Defaults with { Epochs = epochs, Seed = settings.Seed };
        console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .Start(progress =>
            {
                var bar = progress.AddTask("translate: epoch 1", maxValue: epochs);
                TranslatorTraining.Train(translator, train, options: options,
                    batchDone: (epoch, share) => bar.Value = epoch - 1 + share,
                    progress: epoch =>
                    {
                        bar.Value = epoch.Epoch;
                        bar.Description = string.Create(CultureInfo.InvariantCulture, $"translate: epoch {Math.Min(epoch.Epoch + 1, epochs)}, loss per token {epoch.TrainLoss:F3}");
                    });
            });
    }

    /// <summary>
    /// Notebook 04's split (its last fifth of the training articles chooses each tagger's best epoch) and its tagger:
    /// a BiLSTM with characters and a CRF, n_e 64, n_s 32, n_a 64, batches of 32, Adam 0.01, word dropout 0.1, patience 4.
    /// </summary>
    private async Task<string> TrainNerAsync(TrainSettings settings, string path, CancellationToken cancellationToken)
    {
        var (wiki, _) = await Wikigold.LoadAsync(cancellationToken: cancellationToken);
        int devArticles = wiki.Train.Count / 5;
        var train = NerSplits.SentencesOf(wiki.Train.Take(wiki.Train.Count - devArticles));
        var dev = NerSplits.SentencesOf(wiki.Train.Skip(wiki.Train.Count - devArticles));
        var test = NerSplits.SentencesOf(wiki.Test);
        var tagger = new NerTaggerOptions { nE = 64, nS = 32, nA = 64, Cell = RecurrentCell.Lstm, Characters = true, Crf = true, Seed = settings.Seed };
        var training = new NerTrainingOptions
        {
            Epochs = settings.EpochsOrDefault, BatchSize = 32, LearningRate = 0.01, WordDropout = 0.1, Patience = 4, Seed = settings.Seed,
        };
        var dropouts = Enumerable.Range(0, settings.TaggersOrDefault).Select(k => NerDropouts[k % NerDropouts.Length]).ToArray();
        var clock = Stopwatch.StartNew();
        NerEnsemble ensemble = null!;
        console.Progress()
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new ElapsedTimeColumn())
            .Start(progress =>
            {
                var bars = dropouts.Select((d, k) => progress.AddTask(Describe(k, d, 0, null), maxValue: training.Epochs)).ToArray();
                ensemble = NerEnsemble.Train(train, dev, tagger, training, dropouts, (k, epoch) =>
                {
                    bars[k].Value = epoch.Epoch;
                    bars[k].Description = Describe(k, dropouts[k], epoch.Epoch, epoch.HeldOutScore);
                });
                foreach (var bar in bars)
                {
                    bar.Value = bar.MaxValue; // a tagger that stopped early is done too
                }
            });
        var tags = ensemble.Predict(test);
        var (alone, consistent) = (EntityScorer.Score(test, tags), EntityScorer.Score(test, LabelConsistency.Apply(test, tags)));
        ensemble.Save(path);
        // The organisations' F1 with its precision and recall: their precision is what holds them back (docs/results.md).
        static string Org(NerScores scores) => scores.PerType.TryGetValue("ORG", out var org)
            ? string.Create(CultureInfo.InvariantCulture, $"{org.F1:F3}, precision {org.Precision:F3}, recall {org.Recall:F3}") : "-";
        return string.Create(CultureInfo.InvariantCulture,
            $"entity F1 {alone.Micro.F1:F3} (ORG {Org(alone)}), with label consistency {consistent.Micro.F1:F3} (ORG {Org(consistent)}) on {wiki.Test.Count} held-out wikigold articles; "
            + $"{dropouts.Length} taggers (input dropout {string.Join(", ", dropouts.Distinct())}{(dropouts.Length > NerDropouts.Length ? " in turn" : "")}; seeds {settings.Seed}-{settings.Seed + dropouts.Length - 1}), {clock.Elapsed.TotalSeconds:F0} s; saved {Path.ChangeExtension(path, ".safetensors")}");
    }

    private static string Describe(int member, double dropout, int epoch, double? devF1) => string.Create(CultureInfo.InvariantCulture,
        $"ner: tagger {member + 1} (input dropout {dropout}), epoch {epoch}{(devF1 is { } f ? $", dev F1 {f:F3}" : "")}");
}
