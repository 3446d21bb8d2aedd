using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Ner;

public sealed class NerTaggerTests(ITestOutputHelper output)
{
    private static NerSentence S(string text, string tags) => new(text.Split(' '), tags.Split(' '));

    // Sentences of unequal length (padding in every batch), repeated words (E and S columns get gradients), a word seen
    // once (read as <unk>), digits, hyphens and capitals (every feature is non-zero somewhere).
    /// <summary>The tagger after <paramref name="steps"/> Adam steps (learning rate 0.05) on the whole <paramref name="batch"/>.</summary>
    internal static NerTagger Trained(NerTagger tagger, IReadOnlyList<NerSentence> batch, int steps)
    {
        var optimizer = new Adam(0.05);
        for (int step = 0; step < steps; step++)
        {
            tagger.TrainStep(batch, optimizer);
        }
        return tagger;
    }

    internal static readonly NerSentence[] Small =
    [
        S("Anna Smith visited Paris in 1998 .", "B-PER I-PER O B-LOC O O O"),
        S("Paris is far .", "B-LOC O O O"),
        S("The Rolls-Royce plant in Derby closed .", "O B-ORG O O B-LOC O O"),
        S("Anna is in Paris", "B-PER O O B-LOC"),
    ];

    [Theory]
    [InlineData(TaggerDirection.LeftToRight)]
    [InlineData(TaggerDirection.Bidirectional)]
    public void The_whole_tagger_passes_the_gradient_check_E_and_S_through_their_rows_of_dX(TaggerDirection direction)
    {
        var tagger = NerTagger.Create(Small, new NerTaggerOptions { Direction = direction, nE = 3, nS = 2, nA = 4, MinWordCount = 2, MinSuffixCount = 2, Seed = 5 });
        Assert.Equal((3, 2, 9, 14, 4, 9), tagger.Sizes);

        tagger.ComputeGradients(Small);
        var results = GradientCheck.Run(tagger.Tensors, tagger.GradientTensors, () => tagger.BatchLoss(Small));

        foreach (var r in results)
        {
            output.WriteLine($"{r.Name,-14} {r.Count,4} values  relative error {r.RelativeError:G2}  |analytic| {r.AnalyticNorm:G3}");
        }
        Assert.Equal(direction == TaggerDirection.Bidirectional ? 10 : 7, results.Count);
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
        Assert.Equal(["E", "S"], results.Take(2).Select(r => r.Name));
        Assert.All(results.Take(2), r => Assert.True(r.AnalyticNorm > 1e-3, $"{r.Name} got no gradient: {r}"));
        Assert.All(tagger.WordEmbedding.dE.Column(WordVocabulary.PadId), v => Assert.Equal(0.0, v)); // padding trains nothing
    }

    [Theory]
    [InlineData(TaggerDirection.LeftToRight)]
    [InlineData(TaggerDirection.Bidirectional)]
    public void A_saved_tagger_loads_back_to_bit_identical_predictions_and_loss(TaggerDirection direction)
    {
        var tagger = NerTagger.Create(Small, new NerTaggerOptions { Direction = direction, nE = 5, nS = 3, nA = 6, Seed = 2 });
        var optimizer = new Adam(0.05);
        for (int step = 0; step < 20; step++)
        {
            tagger.TrainStep(Small, optimizer);
        }
        SavedModels.InFolder("ner-tagger-", folder =>
        {
            tagger.Save(Path.Combine(folder, "ner"));
            var loaded = NerTagger.Load(Path.Combine(folder, "ner.safetensors"));

            Assert.True(File.Exists(Path.Combine(folder, "ner.json")));
            Assert.Equal(direction, loaded.Direction);
            Assert.Equal(tagger.Sizes, loaded.Sizes);
            Assert.Equal(tagger.Words.Words, loaded.Words.Words);
            Assert.Equal(tagger.Suffixes.Words, loaded.Suffixes.Words);
            Assert.Equal(tagger.Tags, loaded.Tags);
            var sentences = Small.Select(s => s.Tokens).Append(["Unseen", "Words", "in", "Zagreb"]).ToList();
            Assert.Equal(tagger.Predict(sentences), loaded.Predict(sentences));
            Assert.Equal(BitConverter.DoubleToInt64Bits(tagger.Loss(Small)), BitConverter.DoubleToInt64Bits(loaded.Loss(Small)));
            Assert.Equal(Small.Select(s => s.Tags), tagger.Predict(Small.Select(s => s.Tokens).ToList())); // it learned them
        });
    }

    [Fact]
    public void A_missing_or_mismatched_model_file_is_named()
    {
        var tagger = NerTagger.Create(Small, new NerTaggerOptions { nE = 3, nS = 2, nA = 4 });
        var other = NerTagger.Create(Small, new NerTaggerOptions { nE = 4, nS = 2, nA = 4 });
        SavedModels.InFolder("ner-tagger-", folder =>
        {
            string a = Path.Combine(folder, "a"), b = Path.Combine(folder, "b");
            var missing = Assert.Throws<FileNotFoundException>(() => NerTagger.Load(a));
            Assert.Contains("a.json", missing.Message);
            tagger.Save(a);
            other.Save(b);
            File.Copy(b + ".safetensors", a + ".safetensors", overwrite: true);
            var mismatch = Assert.Throws<InvalidDataException>(() => NerTagger.Load(a));
            Assert.Contains("a.json: n_e (rows of words.E) is 3 here but 4", mismatch.Message);
            File.WriteAllText(a + ".json", "{ not json");
            Assert.Contains("a.json: not a NER model description", Assert.Throws<InvalidDataException>(() => NerTagger.Load(a)).Message);
        });
    }

    [Fact]
    public void Padding_changes_no_prediction_and_a_tag_outside_the_tag_set_is_named()
    {
        var tagger = NerTagger.Create(Small, new NerTaggerOptions { nE = 4, nS = 3, nA = 5, Seed = 3 });
        var alone = tagger.Predict(["Paris", "is", "far", "."]);
        var padded = tagger.Predict([["Paris", "is", "far", "."], Small[0].Tokens]);
        Assert.Equal(alone, padded[0]);

        var bad = new[] { S("Anna left", "B-PER B-DATE") };
        Assert.Contains("sentence 0 token 1 has tag 'B-DATE'", Assert.Throws<ArgumentException>(() => tagger.BatchLoss(bad)).Message);
        Assert.Contains("sentence 1 has no tokens", Assert.Throws<ArgumentException>(() => tagger.Predict([["a"], []])).Message);
    }
}
