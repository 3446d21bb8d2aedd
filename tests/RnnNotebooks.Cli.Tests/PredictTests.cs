using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Cli.Tests;

/// <summary><c>rnnbook predict ner</c> end to end: a tagger trained and saved here, then lines in and tags out through the CLI.</summary>
[Collection(NotebookCollection.Name)]
public sealed class PredictTests
{
    private static readonly Lazy<string> Model = new(TrainAndSave);

    /// <summary>A small BiRNN tagger trained for a few epochs on the bundled set, saved to a temporary folder.</summary>
    private static string TrainAndSave()
    {
        var splits = BundledNer.Load(BundledNer.FindFolder(Repository.Layout.Root));
        var train = NerSplits.SentencesOf(splits.Train);
        var tagger = NerTagger.Create(train, new NerTaggerOptions { nE = 16, nS = 8, nA = 16, Seed = 1 });
        NerTraining.Train(tagger, train, options: new NerTrainingOptions { Epochs = 3, Seed = 1 });
        var path = Path.Combine(TestNotebook.NewFolder(), "ner");
        tagger.Save(path);
        return path;
    }

    [Fact]
    public async Task Each_line_of_tokens_gets_one_line_of_IOB2_tags_of_the_same_length()
    {
        var input = "Teddy Roosevelt was a president .\n\nTeddy bears are on sale in Zyxwvutland today\n";

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", Model.Value + ".safetensors"], input);

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n');
        Assert.Equal(6, lines[0].Split(' ').Length);
        Assert.Equal("", lines[1]);
        Assert.Equal(8, lines[2].Split(' ').Length);
        var tags = new HashSet<string> { "O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC" };
        Assert.All(lines[0].Split(' ').Concat(lines[2].Split(' ')), tag => Assert.Contains(tag, tags));
    }

    [Fact]
    public async Task An_ensemble_saved_as_one_model_answers_with_its_averaged_scores()
    {
        var splits = BundledNer.Load(BundledNer.FindFolder(Repository.Layout.Root));
        var train = NerSplits.SentencesOf(splits.Train).Take(80).ToList();
        var members = new[] { 1, 2 }.Select(seed =>
        {
            var tagger = NerTagger.Create(train, new NerTaggerOptions { nE = 8, nS = 4, nA = 8, Crf = true, Seed = seed });
            NerTraining.Train(tagger, train, options: new NerTrainingOptions { Epochs = 2, Seed = seed });
            return tagger;
        }).ToList();
        var ensemble = new NerEnsemble(members);
        var path = Path.Combine(TestNotebook.NewFolder(), "ner");
        ensemble.Save(path);
        string[][] lines = [["Teddy", "Roosevelt", "was", "a", "president", "."], ["Paris", "is", "in", "France", "."]];
        var expected = lines.Select(line => ensemble.Predict([new NerSentence(line, line.Select(_ => "O").ToArray()) { Document = [line] }])[0]);

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", path], string.Join('\n', lines.Select(l => string.Join(' ', l))) + "\n");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(expected.Select(tags => string.Join(' ', tags)), output.Split('\n').Take(2));
    }

    /// <summary>
    /// Articles of two sentences: an unseen word first in the first (capitalised, as every first word is), then again
    /// mid-sentence, capitalised if it is a name (B-PER) and in lower case if not (O). Only the article tells which.
    /// </summary>
    private static List<NerSentence> Articles(int count, int seed)
    {
        var random = new Random(seed);
        var sentences = new List<NerSentence>();
        for (int i = 0; i < count; i++)
        {
            string word = new(Enumerable.Range(0, 6).Select(_ => (char)('a' + random.Next(26))).ToArray()), tag = i % 2 == 0 ? "B-PER" : "O";
            string first = char.ToUpperInvariant(word[0]) + word[1..];
            sentences.AddRange(NerSplits.SentencesOf([new NerDocument([new([first, "went", "home", "."], [tag, "O", "O", "O"]),
                new(["we", "met", tag == "O" ? word : first, "today", "."], ["O", "O", tag, "O", "O"])])]));
        }
        return sentences;
    }

    [Fact]
    public async Task A_tagger_with_document_features_reads_the_lines_given_together_as_one_document()
    {
        var train = Articles(40, 1);
        var tagger = NerTagger.Create(train, new NerTaggerOptions { nE = 3, nS = 2, nA = 4, MinWordCount = 3, DocumentFeatures = true, Seed = 3 });
        var optimizer = new Adam(0.05);
        for (int step = 0; step < 150; step++)
        {
            tagger.TrainStep(train, optimizer);
        }
        var path = Path.Combine(TestNotebook.NewFolder(), "ner-doc");
        tagger.Save(path);

        async Task<string[]> Tag(string input)
        {
            var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", path], input);
            Assert.True(exitCode == 0, errors);
            return output.TrimEnd('\n').Split('\n');
        }
        var name = await Tag("Quexol went home .\n\nwe met Quexol today .\n");
        var common = await Tag("Quexol went home .\n\nwe met quexol today .\n");

        Assert.Equal(["B-PER O O O", "", "O O B-PER O O"], name);    // the second line says Quexol is a name
        Assert.Equal(["O O O O", "", "O O O O O"], common);         // here it says quexol is a common word
        Assert.Equal(NerTagger.Load(path).Predict([["Quexol", "went", "home", "."], ["we", "met", "Quexol", "today", "."]]).Select(t => string.Join(' ', t)),
            [name[0], name[2]]);
    }

    [Fact]
    public async Task The_CLI_answers_what_the_saved_tagger_predicts()
    {
        string[] sentence = ["The", "Bank", "of", "England", "raised", "rates", "in", "May", "."];
        var expected = string.Join(' ', NerTagger.Load(Model.Value).Predict(sentence));

        var (_, output, _) = await Rnnbook.RunAsync(["predict", "ner", "--model", Model.Value], string.Join(' ', sentence) + "\n");

        Assert.Equal(expected, output.TrimEnd('\n'));
    }

    [Fact]
    public async Task A_character_CRF_tagger_answers_an_empty_line_a_10000_character_line_and_unknown_characters()
    {
        var splits = BundledNer.Load(BundledNer.FindFolder(Repository.Layout.Root));
        var train = NerSplits.SentencesOf(splits.Train).Take(60).ToList();
        var tagger = NerTagger.Create(train, new NerTaggerOptions { nE = 8, nS = 4, nA = 8, Cell = RecurrentCell.Lstm, Characters = true, nC = 4, nCA = 4, Crf = true, Seed = 1 });
        NerTraining.Train(tagger, train, options: new NerTrainingOptions { Epochs = 1, Seed = 1 });
        var path = Path.Combine(TestNotebook.NewFolder(), "ner-crf");
        tagger.Save(path);
        string longLine = string.Join(' ', Enumerable.Range(0, 3000).Select(i => i % 7 == 0 ? "Zürich" : "ab☃"))[..9_999] + "x";
        string[] input = ["", longLine, "日本 ☃☃ \u0001 Ωmega", new string('q', 10_000)];

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", path], string.Join('\n', input) + "\n");

        Assert.True(exitCode == 0, errors);
        var lines = output.Split('\n');
        Assert.Equal(10_000, longLine.Length);
        Assert.Equal("", lines[0]);
        Assert.Equal(longLine.Split(' ').Length, lines[1].Split(' ').Length);
        Assert.Equal(4, lines[2].Split(' ').Length);
        Assert.Single(lines[3].Split(' '));
        Assert.Equal(string.Join(' ', tagger.Predict(input[2].Split(' '))), lines[2]); // the CLI answers what the tagger predicts
    }

    [Fact]
    public async Task With_document_the_lines_are_one_article_and_each_name_takes_its_majority_type()
    {
        string[][] lines = [["Jordan", "met", "Paris", "in", "Rome", "."], [], ["Paris", "Jordan", "visited", "Jordan", "."], ["Then", "Paris", "left", "."]];
        var tagger = NerTagger.Load(Model.Value);
        var sentences = lines.Where(l => l.Length > 0).ToArray();
        var article = sentences.Select(t => new NerSentence(t, t.Select(_ => "O").ToArray()) { Document = sentences }).ToList();
        var expected = LabelConsistency.Apply(article, tagger.Predict(sentences)).Select(t => string.Join(' ', t)).ToList();
        expected.Insert(1, "");

        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", Model.Value, "--document"], string.Join('\n', lines.Select(l => string.Join(' ', l))) + "\n");
        var (refused, refusedOutput, refusedErrors) = await Rnnbook.RunAsync(["predict", "sentiment", "--document"], "good\n");

        Assert.True(exitCode == 0, errors);
        Assert.Equal(expected, output.TrimEnd('\n').Split('\n'));
        Assert.NotEqual(0, refused);
        Assert.Contains("--document reads an article for the ner task", refusedOutput + refusedErrors);
    }

    [Fact]
    public async Task A_missing_model_names_the_notebook_that_makes_it()
    {
        var missing = Path.Combine(TestNotebook.NewFolder(), "ner.safetensors");

        var (exitCode, _, errors) = await Rnnbook.RunAsync(["predict", "ner", "--model", missing], "Paris\n");

        Assert.Equal(2, exitCode);
        Assert.Contains($"no model at {missing}", errors);
        Assert.Contains("notebooks/04-many-to-many-ner.ipynb trains and saves it", errors);
    }

    [Fact]
    public async Task An_unknown_task_is_refused_with_the_known_ones()
    {
        var (exitCode, output, errors) = await Rnnbook.RunAsync(["predict", "weather"], "");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("unknown task 'weather'; known: ner, dates, translate, sentiment", output + errors);
    }
}
