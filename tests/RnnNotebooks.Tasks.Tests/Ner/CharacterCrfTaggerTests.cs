using System.Text.Json.Nodes;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Ner;

/// <summary>The tagger with its character encoder and its CRF: gradients, saving, odd input.</summary>
public sealed class CharacterCrfTaggerTests(ITestOutputHelper output)
{
    private static readonly NerSentence[] Small = NerTaggerTests.Small;

    private static NerTaggerOptions Tiny(TaggerDirection direction, RecurrentCell cell, bool characters, bool crf) => new()
    {
        Direction = direction, Cell = cell, nE = 3, nS = 2, nA = 4, Characters = characters, nC = 3, nCA = 2, MinCharacterCount = 2, Crf = crf, Seed = 5,
    };

    [Theory]
    [InlineData(TaggerDirection.LeftToRight, RecurrentCell.Rnn, true, true)]
    [InlineData(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true)]
    [InlineData(TaggerDirection.Bidirectional, RecurrentCell.Rnn, false, true)]
    [InlineData(TaggerDirection.Bidirectional, RecurrentCell.Gru, true, false)]
    public void The_tagger_with_characters_and_CRF_passes_the_gradient_check_on_every_parameter(TaggerDirection direction, RecurrentCell cell, bool characters, bool crf)
    {
        var tagger = NerTagger.Create(Small, Tiny(direction, cell, characters, crf));
        RandomiseCrf(tagger); // transitions start at 0; away from 0 their gradient is checked where it matters

        tagger.ComputeGradients(Small);
        var results = GradientCheck.Run(tagger.Tensors, tagger.GradientTensors, () => tagger.BatchLoss(Small));

        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-22} {r.Count,4} values  relative error {r.RelativeError:G2}  |analytic| {r.AnalyticNorm:G3}");
        }
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
        Assert.All(results, r => Assert.True(r.AnalyticNorm > 1e-6, $"{r.Name} got no gradient: {r}"));
        Assert.Equal(characters ? 1 : 0, results.Count(r => r.Name == "chars.C"));
        Assert.Equal(characters ? ["chars.forward.Wax", "chars.forward.Waa", "chars.forward.Bax", "chars.forward.Baa"] : [],
            results.Where(r => r.Name.StartsWith("chars.forward.", StringComparison.Ordinal)).Select(r => r.Name)); // LSTM cells, no output layer
        Assert.Equal(crf ? ["crf.A", "crf.start", "crf.end"] : [], results.Where(r => r.Name.StartsWith("crf.", StringComparison.Ordinal)).Select(r => r.Name));
        Assert.Equal(3 + 2 + 9 + (characters ? 4 : 0), tagger.Sizes.nX); // n_e + n_s + n_f (+ 2 n_ca)
    }

    [Fact]
    public void The_CRF_tagger_learns_the_small_set_and_its_decoding_is_Viterbi_over_the_logits()
    {
        var tagger = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true) with { nA = 8 });
        var optimizer = new Adam(0.05);
        double first = tagger.TrainStep(Small, optimizer), last = first;
        for (int step = 0; step < 60; step++)
        {
            last = tagger.TrainStep(Small, optimizer);
        }
        output.WriteLine($"CRF loss per token {first:F4} -> {last:F4}");

        Assert.True(last < first / 10, $"loss {first} -> {last}");
        Assert.Equal(Small.Select(s => s.Tags), tagger.Predict(Small.Select(s => s.Tokens).ToList()));
        Assert.True(tagger.Crf!.A[IobTags.All.ToList().IndexOf("O"), IobTags.All.ToList().IndexOf("I-PER")] < 0, "O -> I-PER never occurs in training");
    }

    [Fact]
    public void A_short_seeded_run_of_the_character_CRF_BiLSTM_on_the_bundled_set_learns()
    {
        var splits = BundledNer.Load();
        var (train, dev, test) = (NerSplits.SentencesOf(splits.Train), NerSplits.SentencesOf(splits.Dev), NerSplits.SentencesOf(splits.Test));
        var tagger = NerTagger.Create(train, new NerTaggerOptions { Cell = RecurrentCell.Lstm, Characters = true, Crf = true, Seed = 1 });
        var result = NerTraining.Train(tagger, train, dev, new NerTrainingOptions { Epochs = 3, Seed = 1, InputDropout = 0.5 });
        var scores = EntityScorer.Score(test, tagger.Predict(test.Select(s => s.Tokens).ToList()));
        output.WriteLine($"chars + CRF BiLSTM: train loss {result.Epochs[0].TrainLoss:F4} -> {result.Epochs[^1].TrainLoss:F4}, test entity F1 {scores.Micro.F1:F3}");

        Assert.True(scores.Micro.F1 >= 0.55, $"test entity F1 {scores.Micro.F1:F3} < 0.55"); // seen 0.596 (3 epochs, seed 1)
        Assert.True(result.Epochs[^1].TrainLoss < result.Epochs[0].TrainLoss / 2, "the training loss should at least halve");
    }

    [Theory]
    [InlineData(TaggerDirection.LeftToRight, RecurrentCell.Gru)]
    [InlineData(TaggerDirection.Bidirectional, RecurrentCell.Lstm)]
    public void A_saved_character_CRF_tagger_loads_back_to_bit_identical_predictions_and_loss(TaggerDirection direction, RecurrentCell cell)
    {
        var tagger = NerTaggerTests.Trained(NerTagger.Create(Small, Tiny(direction, cell, true, true)), Small, 10);
        string json = "";
        var loaded = SavedModels.SavedAndLoaded("ner-crf-", path =>
        {
            tagger.Save(path);
            json = File.ReadAllText(path + ".json");
        }, NerTagger.Load);

        Assert.Contains("\"rnnnotebooks-ner-tagger/4\"", json);
        Assert.DoesNotContain("\"Members\"", json); // written only for the first member of an ensemble
        Assert.Equal(tagger.Tensors.Select(t => t.Name), loaded.Tensors.Select(t => t.Name));
        Assert.All(tagger.Tensors.Zip(loaded.Tensors), p => Assert.Equal(p.First.Values, p.Second.Values));
        var sentences = Small.Select(s => s.Tokens).Append(["Ünseen", "Wörds", "in", "Zagreb", "日本"]).ToList();
        Assert.Equal(tagger.Predict(sentences), loaded.Predict(sentences));
        Assert.Equal(BitConverter.DoubleToInt64Bits(tagger.Loss(Small)), BitConverter.DoubleToInt64Bits(loaded.Loss(Small)));
    }

    [Fact]
    public void A_version_1_file_written_before_characters_and_CRF_still_loads()
    {
        var tagger = NerTagger.Create(Small, new NerTaggerOptions { nE = 3, nS = 2, nA = 4, Seed = 2 });
        SavedModels.InFolder("ner-v1-", folder =>
        {
            string path = Path.Combine(folder, "old");
            tagger.Save(path);
            var json = JsonNode.Parse(File.ReadAllText(path + ".json"))!.AsObject();
            Assert.False(json.ContainsKey("Characters")); // written only for a tagger that has them
            Assert.True(json.Remove("Crf"));              // the other key version 2 added
            json["Format"] = "rnnnotebooks-ner-tagger/1";
            File.WriteAllText(path + ".json", json.ToJsonString());

            var loaded = NerTagger.Load(path);
            Assert.Null(loaded.Characters);
            Assert.Null(loaded.Crf);
            Assert.Equal(tagger.Predict(Small.Select(s => s.Tokens).ToList()), loaded.Predict(Small.Select(s => s.Tokens).ToList()));
        });
    }

    [Fact]
    public void A_version_2_file_written_before_document_features_still_loads_and_reads_no_documents()
    {
        var tagger = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true));
        SavedModels.InFolder("ner-v2-", folder =>
        {
            string path = Path.Combine(folder, "old");
            tagger.Save(path);
            var json = JsonNode.Parse(File.ReadAllText(path + ".json"))!.AsObject();
            Assert.True(json.Remove("DocumentFeatures")); // the key version 3 added
            json["Format"] = "rnnnotebooks-ner-tagger/2";
            File.WriteAllText(path + ".json", json.ToJsonString());

            var loaded = NerTagger.Load(path);
            Assert.False(loaded.ReadsDocuments);
            Assert.Equal(tagger.Predict(Small.Select(s => s.Tokens).ToList()), loaded.Predict(Small.Select(s => s.Tokens).ToList()));

            json["DocumentFeatures"] = true; // n_x no longer adds up: the message names the file and the size
            File.WriteAllText(path + ".json", json.ToJsonString());
            var error = Assert.ThrowsAny<Exception>(() => NerTagger.Load(path));
            Assert.Contains("old.json", error.Message);
            Assert.Contains("n_x", error.Message);
        });
    }

    [Fact]
    public void Long_words_unknown_characters_and_padding_change_nothing_they_should()
    {
        var tagger = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true));
        string longWord = new('x', 10_000);
        var tags = tagger.Predict([longWord, "☃", "\u0000", "日本語", "Paris"]);
        Assert.Equal(5, tags.Count);
        Assert.Equal(CharacterEncoder.MaxCharacters, tagger.Characters!.IdsOf(longWord).Length);
        Assert.All(tagger.Characters.IdsOf("☃日"), id => Assert.Equal(WordVocabulary.UnknownId, id));
        Assert.Equal([WordVocabulary.UnknownId], tagger.Characters.IdsOf(""));

        var alone = tagger.Predict(["Paris", "is", "far", "."]);
        var padded = tagger.Predict([["Paris", "is", "far", "."], Small[0].Tokens, [longWord]]);
        Assert.Equal(alone, padded[0]);
    }

    [Fact]
    public void Each_words_character_vector_read_in_its_length_group_is_the_one_read_alone()
    {
        string[] words = ["a", "of", "Bonn", "Berlin", "Frankfurt", "Schwarzenegger", "Internationalisation", new('y', 40)]; // every group, and a cut word
        var encoder = CharacterEncoder.Create(words, RecurrentCell.Lstm, nC: 3, nA: 2, minCount: 1, seed: 7, scale: 0.5);

        var together = encoder.Forward(words);
        for (int w = 0; w < words.Length; w++)
        {
            var alone = encoder.Forward([words[w]]);
            var (one, grouped) = (alone.Column(0), together.Column(w));
            for (int i = 0; i < one.Length; i++)
            {
                Assert.Equal(one[i], grouped[i], 1e-15); // the padding comes after its last character; a product over one column may round in its last bit
            }
        }
    }

    [Fact]
    public void Loss_and_predictions_from_one_pass_are_the_figures_of_Loss_and_Predict()
    {
        var tagger = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true));
        var optimizer = new Adam(0.05);
        for (int step = 0; step < 5; step++)
        {
            tagger.TrainStep(Small, optimizer);
        }

        var (loss, predicted) = tagger.LossAndPredictions(Small);

        Assert.Equal(tagger.Loss(Small), loss);
        Assert.Equal(tagger.Predict(Small), predicted);
    }

    [Fact]
    public void Input_dropout_is_seeded_scales_the_kept_inputs_and_refuses_a_bad_probability()
    {
        double Step(double p, int seed)
        {
            var tagger = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true));
            return tagger.ComputeGradients(Small, random: new Random(seed), inputDropout: p);
        }
        var clean = NerTagger.Create(Small, Tiny(TaggerDirection.Bidirectional, RecurrentCell.Lstm, true, true));

        Assert.Equal(BitConverter.DoubleToInt64Bits(Step(0.5, 3)), BitConverter.DoubleToInt64Bits(Step(0.5, 3)));
        Assert.NotEqual(Step(0.5, 3), Step(0.5, 4));
        Assert.Equal(clean.BatchLoss(Small), Step(0, 3), 14); // p = 0 is the exact objective
        Assert.Contains("input dropout 1", Assert.Throws<ArgumentException>(() => Step(1, 3)).Message);
        Assert.Contains("random is null", Assert.Throws<ArgumentException>(() => clean.ComputeGradients(Small, inputDropout: 0.2)).Message);
    }

    private static void RandomiseCrf(NerTagger tagger)
    {
        var random = new Random(11);
        foreach (var p in tagger.Crf?.Tensors ?? [])
        {
            for (int i = 0; i < p.Values.Length; i++)
            {
                p.Values[i] = random.NextDouble() - 0.5;
            }
        }
    }
}
