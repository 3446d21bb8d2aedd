using RnnNotebooks;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Translation;

public sealed class SubwordTranslatorTests
{
    // A hand-made corpus whose French words share pieces: suis/es/est, fatigué/fatiguée, content/contente.
    private static readonly IReadOnlyList<(string Input, string Output)> Pairs =
    [
        ("I am tired.", "Je suis fatigué."), ("She is tired.", "Elle est fatiguée."), ("You are tired.", "Tu es fatigué."),
        ("I am happy.", "Je suis content."), ("She is happy.", "Elle est contente."), ("You are happy.", "Tu es content."),
        ("I am here.", "Je suis ici."), ("She is here.", "Elle est ici."), ("You are here.", "Tu es ici."),
    ];

    [Fact]
    public void A_subword_vocabulary_splits_the_words_of_a_sentence_and_joins_them_back()
    {
        var french = TranslationVocabulary.BuildSubwords(Pairs.Select(p => p.Output), merges: 40, everyToken: false);

        var tokens = french.Split("Elle est fatiguée !");

        Assert.Equal("elle est fatiguée !", BytePairEncoding.Decode(tokens));
        Assert.Contains("fatigu", string.Concat(tokens)); // the word is made of subwords learnt from fatigué and fatiguée
        Assert.DoesNotContain(TranslationVocabulary.UnknownId, french.Encode("Elle est fatiguée."));
        Assert.Equal("je suis ici .", french.Decode(french.Encode("Je suis ici.")));
        Assert.Equal(french.Tokens.Count, french.Tokens.Distinct().Count());
    }

    [Fact]
    public void A_source_vocabulary_reads_characters_never_seen_as_bytes_not_unk()
    {
        var english = TranslationVocabulary.BuildSubwords(Pairs.Select(p => p.Input), merges: 40, everyToken: true);

        var ids = english.Encode("I am ☃ 日本!");

        Assert.DoesNotContain(TranslationVocabulary.UnknownId, ids);
        Assert.Contains(english.IdOf(SubwordSymbols.ByteToken(0xE2)), ids);
        Assert.Equal("i am ☃ 日本 !", english.Decode(ids));
    }

    [Theory]
    [InlineData(RecurrentCell.Rnn)]
    [InlineData(RecurrentCell.Gru)]
    public void A_subword_translator_never_writes_unk_answers_any_line_and_loads_back_to_the_same_outputs(RecurrentCell cell)
    {
        var translator = Translator.Create(Pairs, TranslatorKind.Attention, TokenLevel.Subwords, nA: 8, nAtt: 8, seed: 1, cell: cell, merges: 40);
        double before = translator.MeanLoss(Pairs);
        TranslatorTraining.Train(translator, Pairs, options: new TrainingOptions { Epochs = 30, BatchSize = 4, LearningRate = 0.02 });
        string path = Path.Combine(TestFolders.New("subword-translator-").FullName, "translate");
        translator.Save(path);

        var loaded = Translator.Load(path + ".json");

        Assert.True(translator.MeanLoss(Pairs) < 0.5 * before, $"mean loss per token {before:F3} -> {translator.MeanLoss(Pairs):F3}");
        string[] inputs = ["I am tired.", "", new string('x', 10_000), "Zoë ☃ 😀 ⟨0x41⟩ ▁", "She is here."];
        var outputs = translator.Translate(inputs);
        Assert.All(outputs, o => Assert.DoesNotContain("<unk>", o));
        Assert.All(translator.Translate(inputs, k: 3), o => Assert.DoesNotContain("<unk>", o));
        Assert.Equal(outputs, loaded.Translate(inputs));
        Assert.Equal(TokenLevel.Subwords, loaded.Target.Level);
        Assert.Equal(translator.Explain("I am tired.").Output.Split(' '), translator.Explain("I am tired.").Tokens);
    }

    [Fact]
    public void A_subword_file_without_its_encoding_is_named()
    {
        var translator = Translator.Create(Pairs, TranslatorKind.EncoderDecoder, TokenLevel.Subwords, nA: 4, nAtt: 0, seed: 1, merges: 10);
        string path = Path.Combine(TestFolders.New("subword-translator-").FullName, "translate");
        translator.Save(path);
        var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(path + ".json"))!.AsObject();
        Assert.True(json.Remove("TargetSubwords") || json.Remove("targetSubwords"), "the file holds the target's encoding");
        File.WriteAllText(path + ".json", json.ToJsonString());

        var e = Assert.Throws<InvalidDataException>(() => Translator.Load(path));

        Assert.Contains("needs SourceSubwords and TargetSubwords", e.Message);
    }
}
