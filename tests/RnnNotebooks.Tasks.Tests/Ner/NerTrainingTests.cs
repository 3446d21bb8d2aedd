using System.Diagnostics;
using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;

namespace RnnNotebooks.Tasks.Tests.Ner;

/// <summary>Short seeded runs on the bundled set, with the figures measured on this machine asserted a little below.</summary>
public sealed class NerTrainingTests(ITestOutputHelper output)
{
    private static readonly NerSplits Splits = BundledNer.Load();
    private static readonly IReadOnlyList<NerSentence> Train = NerSplits.SentencesOf(Splits.Train);
    private static readonly IReadOnlyList<NerSentence> Dev = NerSplits.SentencesOf(Splits.Dev);
    private static readonly IReadOnlyList<NerSentence> Test = NerSplits.SentencesOf(Splits.Test);

    [Theory]
    [InlineData(TaggerDirection.LeftToRight, 0.47)]   // measured 0.519
    [InlineData(TaggerDirection.Bidirectional, 0.52)] // measured 0.560; the baseline 0.212
    public void A_short_seeded_run_on_the_bundled_set_beats_the_baseline_on_the_unseen_names_of_the_test_split(TaggerDirection direction, double atLeast)
    {
        var (f1, result, seconds) = TrainAndScore(direction, seed: 1);

        Assert.True(f1 >= atLeast, $"{direction}: test entity F1 {f1:F3} < {atLeast}");
        Assert.True(seconds < 20, $"training took {seconds:F1} s");
        Assert.Equal(10, result.Epochs.Count);
        Assert.True(result.Epochs[^1].TrainLoss < 0.2 * result.Epochs[0].TrainLoss, "the training loss fell less than 5 times");
    }

    [Fact]
    public void Singleton_dropout_0_drops_singletons_like_every_other_word_and_0_5_trains_otherwise()
    {
        // The vocabulary comes from all of Train; training on its first 40 sentences leaves words with an id seen there once.
        var part = Train.Take(40).ToList();
        NerTagger New() => NerTagger.Create(Train, new NerTaggerOptions { nE = 8, nS = 4, nA = 8, Seed = 3 });
        var tagger = New();
        Assert.NotEmpty(tagger.Words.SingletonIds(part.Select(s => s.Tokens)));
        NerTraining.Train(tagger, part, options: new NerTrainingOptions { Epochs = 1, WordDropout = 0.1, Seed = 3 });

        var byHand = New();
        var random = Seeds.Random(3);
        var adam = new Adam(0.01);
        foreach (var batch in NerTraining.Minibatches(part, 16, random))
        {
            byHand.TrainStep(batch, adam, 5, wordDropout: 0.1, random);       // word dropout alone, no singleton set
        }
        var withSingletons = New();
        NerTraining.Train(withSingletons, part, options: new NerTrainingOptions { Epochs = 1, WordDropout = 0.1, SingletonDropout = 0.5, Seed = 3 });

        Assert.Equal(byHand.Tensors.SelectMany(t => t.Values), tagger.Tensors.SelectMany(t => t.Values));
        Assert.NotEqual(byHand.Tensors.SelectMany(t => t.Values), withSingletons.Tensors.SelectMany(t => t.Values));
    }

    [Fact]
    public void The_same_seed_gives_the_same_bits_and_another_seed_other_ones()
    {
        var (f1, first, _) = TrainAndScore(TaggerDirection.Bidirectional, seed: 7, epochs: 3);
        var (again, second, _) = TrainAndScore(TaggerDirection.Bidirectional, seed: 7, epochs: 3);
        var (_, other, _) = TrainAndScore(TaggerDirection.Bidirectional, seed: 8, epochs: 3);

        Assert.Equal(f1, again);
        Assert.Equal(first.Epochs.Select(e => (e.TrainLoss, e.HeldOutLoss, e.HeldOutScore)), second.Epochs.Select(e => (e.TrainLoss, e.HeldOutLoss, e.HeldOutScore)));
        Assert.NotEqual(first.Epochs[^1].TrainLoss, other.Epochs[^1].TrainLoss);
    }

    [Fact]
    public void Early_stopping_keeps_the_parameters_of_the_best_held_out_epoch()
    {
        var tagger = NerTagger.Create(Train, new NerTaggerOptions { Seed = 1 });
        var result = NerTraining.Train(tagger, Train, Dev, new NerTrainingOptions { Epochs = 12, Patience = 2, Seed = 1 });

        Assert.Equal(result.Epochs.Max(e => e.HeldOutScore), result.Best.HeldOutScore);
        Assert.Equal(result.Best.HeldOutScore, NerTraining.Evaluate(tagger, Dev).F1);
        Assert.True(result.Epochs.Count - result.BestEpoch <= 2);
        Assert.Contains("needs held-out sentences", Assert.Throws<ArgumentException>(
            () => NerTraining.Train(tagger, Train, null, new NerTrainingOptions { Patience = 1 })).Message);
    }

    private (double F1, TrainingResult Result, double Seconds) TrainAndScore(TaggerDirection direction, int seed, int epochs = 10)
    {
        var clock = Stopwatch.StartNew();
        var tagger = NerTagger.Create(Train, new NerTaggerOptions { Direction = direction, Seed = seed });
        var result = NerTraining.Train(tagger, Train, Dev, new NerTrainingOptions { Epochs = epochs, Seed = seed },
            e => output.WriteLine($"{direction} epoch {e.Epoch}: train {e.TrainLoss:F4} dev {e.HeldOutLoss:F4} dev F1 {e.HeldOutScore:F3} {e.Seconds:F1}s"));
        double seconds = clock.Elapsed.TotalSeconds;
        var scores = EntityScorer.Score(Test, tagger.Predict(Test.Select(s => s.Tokens).ToList()));
        output.WriteLine($"{direction} seed {seed}: test entity F1 {scores.Micro.F1:F3}, token accuracy {scores.TokenAccuracy:F3}, {seconds:F1} s");
        return (scores.Micro.F1, result, seconds);
    }
}
