using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// Notebook 07's name model written the TorchSharp way: it beats the unigram on held-out names (every tenth name of
/// data/names) and samples reproducibly.
/// </summary>
[Collection(TorchSeedCollection.Name)]
public sealed class TorchTokenLanguageModelTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<string> Names = NameList.Load();

    [Fact]
    public void The_torchsharp_gru_name_model_beats_the_unigram_on_held_out_names_and_samples_new_ones()
    {
        var letters = TokenVocabulary.Characters(Names);
        var sequences = Names.Select(letters.EncodeCharacters).ToList();
        var train = sequences.Where((_, i) => i % 10 != 0).ToList();
        var heldOut = sequences.Where((_, i) => i % 10 == 0).ToList();
        using var model = TorchTokenLanguageModel.Create(letters, nE: 16, nA: 64, seed: 1, RecurrentCell.Gru);

        var epochs = model.Train(train, heldOut, new TrainingOptions { Epochs = 5, BatchSize = 32, LearningRate = 0.01, Patience = 4, Seed = 1 },
            e => output.WriteLine($"epoch {e.Epoch}: train {e.TrainLoss:F3}, held out {e.HeldOutLoss:F3} nats per character ({e.Seconds:F1} s)"));
        double nll = model.NegativeLogLikelihood(heldOut).PerToken;
        double unigram = UnigramNegativeLogLikelihood(train, heldOut, letters.Count);
        var drawn = Enumerable.Range(0, 50).Select(_ => letters.Decode(model.Sample(new Generator(7), 1.0, maxLength: 20))).ToList();
        var generator = new Generator(7);
        var samples = Enumerable.Range(0, 50).Select(_ => letters.Decode(model.Sample(generator, 1.0, maxLength: 20))).ToList();

        output.WriteLine($"held-out NLL {nll:F3}, unigram {unigram:F3}; samples: {string.Join(", ", samples.Take(12))}");
        Assert.InRange(nll, 0, unigram - 0.5);                         // 2.217 against 2.855 seen
        Assert.All(drawn, d => Assert.Equal(drawn[0], d));                  // the same seed, the same name
        Assert.True(samples.Distinct().Count() > 40, "one generator draws different names");
        Assert.True(samples.Count(s => !Names.Contains(s)) > 10, "more than 10 of the 50 samples are names not in the list");
    }

    [Fact]
    public void A_bad_temperature_an_unknown_token_and_an_empty_batch_are_refused_with_clear_messages()
    {
        using var model = TorchTokenLanguageModel.Create(TokenVocabulary.Characters(["abc"]), nE: 3, nA: 4, seed: 1);

        Assert.Throws<ArgumentOutOfRangeException>(() => model.Sample(new Generator(1), temperature: 0));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => model.NegativeLogLikelihood([[1, 2], [3, 4, 1]]));
        Assert.Contains("id 4 at step 3 of sequence 1", e.Message);
        Assert.Contains("empty", Assert.Throws<ArgumentException>(() => model.Train([])).Message);
        Assert.Contains("no tokens", Assert.Throws<ArgumentException>(() => model.NegativeLogLikelihood([[1], []])).Message);
    }

    [Fact]
    public void Logits_have_one_row_per_step_and_sequence_and_padding_leaves_the_earlier_steps_alone()
    {
        TorchSetup.EnsureLoaded();
        random.manual_seed(2);
        using var module = new TorchLanguageModule(vocabulary: 6, nE: 3, nA: 4, RecurrentCell.Lstm);
        var (ids, _) = TokenIds.Padded([[0, 1, 2, 3], [0, 4]], padId: 0, CPU, "batch");

        using var noGrad = no_grad();
        var (logits, state) = module.forward(ids);
        var (alone, _) = module.forward(tensor(new long[] { 0, 4 }, [2, 1], int64));

        Assert.Equal([4L, 2L, 6L], logits.shape);
        Assert.Equal([1L, 2L, 4L], state.A.shape);
        Assert.NotNull(state.C);
        Assert.True(allclose(alone[TensorIndex.Colon, 0], logits[TensorIndex.Slice(0, 2), 1]), "steps before the padding are unchanged");
    }

    /// <summary>The NLL per token (ends included) of held-out sequences under add-one unigram frequencies of the training tokens.</summary>
    private static double UnigramNegativeLogLikelihood(IReadOnlyList<int[]> train, IReadOnlyList<int[]> heldOut, int vocabulary)
    {
        var counts = Enumerable.Repeat(1.0, vocabulary).ToArray();
        foreach (int id in train.SelectMany(s => s.Append(0)))
        {
            counts[id]++;
        }
        double total = counts.Sum();
        var tokens = heldOut.SelectMany(s => s.Append(0)).ToList();
        return -tokens.Average(id => Math.Log(counts[id] / total));
    }
}
