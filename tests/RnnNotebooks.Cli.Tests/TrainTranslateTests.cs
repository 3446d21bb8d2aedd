using RnnNotebooks.Data;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook train translate</c> and <c>train ner</c>, and <c>predict</c> on the models they save, with lines no model expects.</summary>
[Collection(NotebookCollection.Name)]
public sealed class TrainTranslateTests
{
    [Fact]
    public async Task Only_translate_and_ner_can_be_trained_and_the_epochs_and_taggers_are_checked()
    {
        var unknown = await Rnnbook.RunAsync("train", "sentiment");
        var none = await Rnnbook.RunAsync("train", "translate", "--epochs", "0");
        var noTaggers = await Rnnbook.RunAsync("train", "ner", "--taggers", "0");
        var translateTaggers = await Rnnbook.RunAsync("train", "translate", "--taggers", "3");

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown task 'sentiment'; known: translate, ner", unknown.Output + unknown.Errors);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("--epochs must be 1..1000; got 0", none.Output + none.Errors);
        Assert.NotEqual(0, noTaggers.ExitCode);
        Assert.Contains("--taggers must be 1..40; got 0", noTaggers.Output + noTaggers.Errors);
        Assert.NotEqual(0, translateTaggers.ExitCode);
        Assert.Contains("--taggers is for ner only", translateTaggers.Output + translateTaggers.Errors);
    }

    [TatoebaFact]
    public async Task One_epoch_saves_a_subword_translator_that_answers_every_line_and_never_writes_unk()
    {
        string model = Path.Combine(TestNotebook.NewFolder(), "translate");
        string[] lines = ["I am hungry.", "", new string('a', 5_000) + " " + new string('é', 4_999), "Zoë ☃ 日本 😀 ▁⟨0x41⟩", "   "];

        var (trainExit, trainOutput, trainErrors) = await Rnnbook.RunAsync("train", "translate", "--epochs", "1", "--model", model);
        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "translate", "--model", model], string.Join('\n', lines) + "\n");

        Assert.True(trainExit == 0, trainErrors);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(trainOutput, @"BLEU \d+\.\d\d on 259 held-out English sentences \(480 reference translations, greedy\) after 1 epochs"), trainOutput);
        Assert.True(File.Exists(model + ".safetensors") && File.Exists(model + ".json"));
        Assert.True(exitCode == 0, errors);
        Assert.EndsWith("\n", output);
        var answers = output[..^1].Split('\n');
        Assert.Equal(lines.Length, answers.Length);
        Assert.All(answers, a => Assert.DoesNotContain("<unk>", a));
        Assert.NotEqual("", answers[0]);
        Assert.Equal(["", ""], [answers[1], answers[4]]); // an empty line and a blank one: nothing to translate
    }

    [WikigoldFact]
    public async Task Ner_trains_the_taggers_asked_for_and_saves_an_ensemble_that_predict_reads()
    {
        string model = Path.Combine(TestNotebook.NewFolder(), "ner");

        var (trainExit, trainOutput, trainErrors) = await Rnnbook.RunAsync("train", "ner", "--epochs", "1", "--taggers", "3", "--model", model);
        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", model], "Ada Lovelace worked in London .\n\n");

        Assert.True(trainExit == 0, trainErrors);
        Assert.True(System.Text.RegularExpressions.Regex.IsMatch(trainOutput,
            @"entity F1 0\.\d{3} \(ORG (0\.\d{3}, precision 0\.\d{3}, recall 0\.\d{3}|-)\), with label consistency 0\.\d{3} \(ORG (0\.\d{3}, precision 0\.\d{3}, recall 0\.\d{3}|-)\) on 29 held-out wikigold articles; 3 taggers \(input dropout 0\.5, 0\.3, 0\.65; seeds 1-3\)"), trainOutput);
        Assert.Equal(["ner-2.json", "ner-2.safetensors", "ner-3.json", "ner-3.safetensors", "ner.json", "ner.safetensors"],
            Directory.GetFiles(Path.GetDirectoryName(model)!).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(3, Tasks.NerEnsemble.LoadMembers(model).Count);
        Assert.True(exitCode == 0, errors);
        var answers = output.Split('\n');
        Assert.Equal(6, answers[0].Split(' ').Length);
        Assert.Equal("", answers[1]); // an empty line gets an empty line
    }

    /// <summary>Runs where RNNNOTEBOOKS_DATA holds wikigold (always under CI=true); skipped with the reason elsewhere.</summary>
    private sealed class WikigoldFactAttribute : FactAttribute
    {
        public WikigoldFactAttribute()
        {
            string folder = Environment.GetEnvironmentVariable(DataFolder.EnvironmentVariable) ?? "";
            if (Environment.GetEnvironmentVariable("CI") != "true" && !File.Exists(Path.Combine(folder, Wikigold.Source.RelativePath)))
            {
                Skip = $"wikigold is not under {DataFolder.EnvironmentVariable} ('{folder}')";
            }
        }
    }

    /// <summary>Runs where RNNNOTEBOOKS_DATA holds the Tatoeba pairs (always under CI=true); skipped with the reason elsewhere.</summary>
    private sealed class TatoebaFactAttribute : FactAttribute
    {
        public TatoebaFactAttribute()
        {
            string folder = Environment.GetEnvironmentVariable(DataFolder.EnvironmentVariable) ?? "";
            if (Environment.GetEnvironmentVariable("CI") != "true" && !File.Exists(Path.Combine(folder, Tatoeba.Source.RelativePath)))
            {
                Skip = $"the Tatoeba pairs are not under {DataFolder.EnvironmentVariable} ('{folder}')";
            }
        }
    }
}
