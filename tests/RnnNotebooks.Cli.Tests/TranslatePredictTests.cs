using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook predict dates</c> and <c>rnnbook predict translate</c> end to end, with small translators trained and saved here.</summary>
[Collection(NotebookCollection.Name)]
public sealed class TranslatePredictTests
{
    private static readonly Lazy<string> DatesModel = new(() => TrainAndSave("dates",
        DateCorpus.Generate(train: 600, heldOut: 10, seed: 3).Train.Select(p => (p.Source, p.Target)).ToList(), TokenLevel.Characters));

    private static readonly Lazy<string> TranslateModel = new(() => TrainAndSave("translate",
        [("I am cold.", "J'ai froid."), ("I am tall.", "Je suis grand."), ("He is tall.", "Il est grand."), ("He is cold.", "Il a froid."),
         ("We are cold.", "Nous avons froid."), ("We are tall.", "Nous sommes grands.")], TokenLevel.Words));

    /// <summary>A small attention translator trained for a few epochs, saved to a temporary folder.</summary>
    private static string TrainAndSave(string name, IReadOnlyList<(string, string)> pairs, TokenLevel level)
    {
        var translator = Translator.Create(pairs, TranslatorKind.Attention, level, nA: 8, nAtt: 8, seed: 1);
        TranslatorTraining.Train(translator, pairs, options: TranslatorTraining.Defaults with { Epochs = level == TokenLevel.Words ? 200 : 3, Seed = 1 });
        var path = Path.Combine(TestNotebook.NewFolder(), name);
        translator.Save(path);
        return path;
    }

    [Fact]
    public async Task Each_date_gets_the_saved_models_answer_an_unreadable_line_still_gets_one_and_an_empty_line_an_empty_line()
    {
        string[] lines = ["mercredi 3 mars 2021", "the 21st of December, 1987", "03.04.2021", "", "not a date at all ☃ 你好", "  \t ", new string('9', 300)];
        var translator = Translator.Load(DatesModel.Value);

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "dates", "--model", DatesModel.Value + ".safetensors"], string.Join('\n', lines) + "\n");

        Assert.True(exitCode == 0, errors);
        var answers = output.TrimEnd('\n').Split('\n');
        Assert.Equal(lines.Length, answers.Length);
        Assert.Equal(lines.Select(line => line.Trim().Length == 0 ? "" : translator.Translate(line.Trim())), answers);
        Assert.NotEqual("", translator.Translate("")); // the model itself writes its habit for no input; predict does not print it
    }

    [Fact]
    public async Task An_english_sentence_gets_the_saved_models_french()
    {
        var expected = Translator.Load(TranslateModel.Value).Translate("I am cold.");

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "translate", "--model", TranslateModel.Value], "I am cold.\nZyxw qqq!\n");

        Assert.True(exitCode == 0, errors);
        var answers = output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, answers.Length);
        Assert.Equal(expected, answers[0]);
        Assert.Equal("j' ai froid .", expected); // learned from six pairs, tokens joined by spaces
    }

    [Theory]
    [InlineData("dates")]
    [InlineData("translate")]
    public async Task A_missing_model_names_notebook_05(string task)
    {
        var missing = Path.Combine(TestNotebook.NewFolder(), task + ".safetensors");

        var (exitCode, _, errors) = await Rnnbook.RunAsync(["predict", task, "--model", missing], "x\n");

        Assert.Equal(2, exitCode);
        Assert.Contains("notebooks/05-many-to-many-translation.ipynb trains and saves it", errors);
    }
}
