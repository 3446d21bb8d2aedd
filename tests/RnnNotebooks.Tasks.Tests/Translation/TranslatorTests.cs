using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Translation;

public sealed class TranslatorTests
{
    private static readonly IReadOnlyList<(string Input, string Output)> Dates =
        DateCorpus.Generate(train: 400, heldOut: 20, seed: 2).Train.Select(p => (p.Source, p.Target)).ToList();

    [Fact]
    public void Vocabularies_read_an_unknown_character_as_unk_and_end_every_input_with_the_end_token()
    {
        var vocabulary = TranslationVocabulary.Build(["ab", "ba"], TokenLevel.Characters);

        Assert.Equal(["<pad>", "<unk>", "<s>", "</s>", "a", "b"], vocabulary.Tokens);
        Assert.Equal([4, TranslationVocabulary.UnknownId, 5, TranslationVocabulary.EndId], vocabulary.Encode("a€b"));
        Assert.Equal([TranslationVocabulary.EndId], vocabulary.Encode(""));
        Assert.Equal("ab", vocabulary.Decode([4, 5, TranslationVocabulary.EndId, 4]));
    }

    [Fact]
    public void A_batch_feeds_the_start_token_then_the_target_and_masks_the_padding()
    {
        var batch = TranslationBatch.Of([[4, 3], [5, 3]], [[6, 3], [7, 8, 3]], nX: 6, nY: 9);

        Assert.Equal((2, 3), (batch.X.Length, batch.YIn.Length));
        Assert.Equal([TranslationVocabulary.StartId, TranslationVocabulary.StartId], batch.YIn.Tokens(1).ToArray());
        Assert.Equal([6, 7], batch.YIn.Tokens(2).ToArray());
        Assert.Equal((3, 3), (batch.Y.Class(2, 0), batch.Y.Class(3, 1))); // each target ends in </s>
        Assert.Equal(0.0, batch.Y.Weight(3, 0));
        Assert.Equal(1.0 / 5, batch.Y.Weight(3, 1)); // 5 real target steps in the batch
    }

    [Fact]
    public void Sources_of_different_lengths_are_refused_in_one_batch()
    {
        var e = Assert.Throws<ArgumentException>(() => TranslationBatch.Of([[4, 3], [5, 5, 3]], [[6, 3], [7, 3]], 6, 9));
        Assert.Contains("source 1 has 3 tokens", e.Message);
    }

    [Theory]
    [InlineData(TranslatorKind.EncoderDecoder, RecurrentCell.Rnn)]
    [InlineData(TranslatorKind.Attention, RecurrentCell.Rnn)]
    [InlineData(TranslatorKind.EncoderDecoder, RecurrentCell.Gru)]
    [InlineData(TranslatorKind.Attention, RecurrentCell.Lstm)]
    public void Training_lowers_the_loss_and_a_saved_translator_loads_back_to_the_same_outputs(TranslatorKind kind, RecurrentCell cell)
    {
        var translator = Translator.Create(Dates, kind, TokenLevel.Characters, nA: 8, nAtt: 8, seed: 1, cell: cell);
        double before = translator.MeanLoss(Dates);
        TranslatorTraining.Train(translator, Dates, options: TranslatorTraining.Defaults with { Epochs = 2, Seed = 1 });
        double after = translator.MeanLoss(Dates);
        string folder = TestFolders.New("translator-").FullName;
        translator.Save(Path.Combine(folder, "dates"));

        var loaded = Translator.Load(Path.Combine(folder, "dates.safetensors"));

        Assert.True(after < 0.8 * before, $"mean loss per token {before:F3} -> {after:F3}");
        var inputs = Dates.Take(10).Select(p => p.Input).Append("no date at all ☃").Append("").ToList();
        Assert.Equal(translator.Translate(inputs), loaded.Translate(inputs));
        Assert.Equal(translator.Translate(inputs, k: 3), loaded.Translate(inputs, k: 3));
        Assert.Equal(cell, loaded.Cell);
    }

    [Fact]
    public void A_file_written_before_cells_could_be_chosen_loads_as_an_rnn()
    {
        var translator = Translator.Create(Dates, TranslatorKind.EncoderDecoder, TokenLevel.Characters, nA: 4, nAtt: 0, seed: 1);
        string path = Path.Combine(TestFolders.New("translator-").FullName, "dates");
        translator.Save(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path + ".json"))!.AsObject();
        Assert.True(json.Remove("Cell") || json.Remove("cell"), "the file names its cell");
        File.WriteAllText(path + ".json", json.ToJsonString());

        var loaded = Translator.Load(path + ".safetensors");

        Assert.Equal(RecurrentCell.Rnn, loaded.Cell);
        Assert.Equal(translator.Translate(["3 mars 2021", "12/01/1999"]), loaded.Translate(["3 mars 2021", "12/01/1999"]));
    }

    [Fact]
    public void Attention_weights_have_one_row_per_output_token_and_each_row_sums_to_one()
    {
        var translator = Translator.Create(Dates, TranslatorKind.Attention, TokenLevel.Characters, nA: 4, nAtt: 4, seed: 3);

        var translation = translator.Explain("3 mars 2021");
        var weights = translation.AttentionWeights()!;

        Assert.Equal((translation.OutputTokens.Count, 12), (weights.GetLength(0), weights.GetLength(1))); // 11 characters and </s>
        for (int t = 0; t < weights.GetLength(0); t++)
        {
            Assert.Equal(1.0, Enumerable.Range(0, weights.GetLength(1)).Sum(k => weights[t, k]), 12);
        }
    }

    [Fact]
    public void Exact_match_and_character_accuracy_count_what_they_say()
    {
        string[] expected = ["2021-03-03", "1999-12-31"];
        string[] outputs = ["2021-03-03", "1999-12-3"];

        Assert.Equal(0.5, SequenceScores.ExactMatch(expected, outputs));
        Assert.Equal(19.0 / 20.0, SequenceScores.CharacterAccuracy(expected, outputs));
    }
}
