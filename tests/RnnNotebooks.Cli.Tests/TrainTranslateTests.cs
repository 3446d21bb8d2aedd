using RnnNotebooks.Data;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook train translate</c>, and <c>predict translate</c> on the model it saves, with lines no model expects.</summary>
[Collection(NotebookCollection.Name)]
public sealed class TrainTranslateTests
{
    [Fact]
    public async Task Only_translate_can_be_trained_and_the_epochs_are_checked()
    {
        var unknown = await Rnnbook.RunAsync("train", "ner");
        var none = await Rnnbook.RunAsync("train", "translate", "--epochs", "0");

        Assert.NotEqual(0, unknown.ExitCode);
        Assert.Contains("unknown task 'ner'; known: translate", unknown.Output + unknown.Errors);
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("--epochs must be 1..1000; got 0", none.Output + none.Errors);
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
        var answers = output.TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Length, answers.Length);
        Assert.All(answers, a => Assert.DoesNotContain("<unk>", a));
        Assert.NotEqual("", answers[0]);
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
