using RnnNotebooks.Data;
using RnnNotebooks.Tasks;
using Xunit.Abstractions;
using static RnnNotebooks.Tasks.Tests.Sentiment.TinyBatch;

namespace RnnNotebooks.Tasks.Tests.Sentiment;

/// <summary>The classifier whose head reads the last state with the mean and/or maximum over the states, and embedding dropout.</summary>
public sealed class PooledSentimentClassifierTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(RecurrentCell.Rnn, SentimentPooling.All)]
    [InlineData(RecurrentCell.Rnn, SentimentPooling.Mean)]
    [InlineData(RecurrentCell.Rnn, SentimentPooling.Max)]
    [InlineData(RecurrentCell.Gru, SentimentPooling.All)]
    [InlineData(RecurrentCell.Gru, SentimentPooling.Mean | SentimentPooling.Max)]
    [InlineData(RecurrentCell.Lstm, SentimentPooling.Last | SentimentPooling.Max)]
    public void Pooling_and_the_head_pass_the_gradient_check_on_a_padded_batch(RecurrentCell cell, SentimentPooling pooling)
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { Cell = cell, Pooling = pooling, nE = 3, nA = 4, Seed = 5 });

        model.ComputeGradients(Texts, Labels);
        var results = GradientCheck.Run(model.Tensors, model.GradientTensors, () => model.BatchLoss(Texts, Labels));

        foreach (var r in results)
        {
            output.WriteLine($"{cell} {pooling} {r.Name,-6} {r.Count,4} values  relative error {r.RelativeError:G2}  |analytic| {r.AnalyticNorm:G3}");
        }
        Assert.Equal(["Wya", "By"], results.TakeLast(2).Select(r => r.Name)); // the head; the layer's own Wya, by are left out
        Assert.Equal(1, results.Count(r => r.Name == "Wya"));
        Assert.Equal(4 * (pooling.HasFlag(SentimentPooling.Last) ? 1 : 0) + 4 * (pooling.HasFlag(SentimentPooling.Mean) ? 1 : 0)
            + 4 * (pooling.HasFlag(SentimentPooling.Max) ? 1 : 0), results.Single(r => r.Name == "Wya").Count);
        Assert.All(results, r => Assert.True(r.RelativeError < 1e-6, r.ToString()));
        Assert.All(results, r => Assert.True(r.AnalyticNorm > 1e-4, $"{r.Name} got no gradient: {r}"));
        Assert.All(model.Embedding.dE.Column(WordVocabulary.PadId), v => Assert.Equal(0.0, v)); // padding trains nothing
    }

    [Fact]
    public void Pooling_reads_the_hand_computed_last_mean_and_max_of_the_real_steps_only()
    {
        // a<t> = relu(Wax x<t>) with Wax = I, Waa = 0, ba = 0 and x >= 0: the states are the inputs.
        var p = new RecurrentParameters(RecurrentCell.Rnn, 2, 2, 1);
        p.Wax[0, 0] = p.Wax[1, 1] = 1;
        var layer = new Rnn(p, Activation.Relu, Activation.Sigmoid);
        // sentence 0: 3 steps (1, 4), (3, 2), (2, 0); sentence 1: 1 step (5, 1), then padding (9, 9) that must not count.
        var x = SequenceBatch.Dense([Matrix.FromArray(new double[,] { { 1, 5 }, { 4, 1 } }), Matrix.FromArray(new double[,] { { 3, 9 }, { 2, 9 } }),
            Matrix.FromArray(new double[,] { { 2, 9 }, { 0, 9 } })]);
        var pooling = new StatePooling(SentimentPooling.All, 2);

        var h = pooling.Forward(layer.Forward(x), [3, 1]);

        Assert.Equal(new double[] { 2, 0, 2, 2, 3, 4 }, h[0]); // last (2, 0); mean (6/3, 6/3); max (3, 4)
        Assert.Equal(new double[] { 5, 1, 5, 1, 5, 1 }, h[1]);
        var dA = pooling.Backward([[1, 10, 100, 1000, 10000, 100000], [1, 2, 3, 4, 5, 6]], 3);
        // unit 0 of sentence 0: last at t=3, mean 100/3 at every step, max (3) at t=2; unit 1: max (4) at t=1.
        Assert.Equal([100.0 / 3, 1000 / 3.0 + 100000], [dA[0][0, 0], dA[0][1, 0]]);
        Assert.Equal([100.0 / 3 + 10000, 1000 / 3.0], [dA[1][0, 0], dA[1][1, 0]]);
        Assert.Equal([1 + 100.0 / 3, 10 + 1000 / 3.0], [dA[2][0, 0], dA[2][1, 0]]);
        Assert.Equal([1 + 3 + 5, 2 + 4 + 6], [dA[0][0, 1], dA[0][1, 1]]);
        Assert.All(dA.Skip(1), step => Assert.Equal([0.0, 0.0], [step[0, 1], step[1, 1]])); // no gradient to the padding
    }

    [Fact]
    public void A_sentence_gets_the_same_answer_alone_and_padded_in_a_batch()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { Cell = RecurrentCell.Gru, Pooling = SentimentPooling.All, nE = 3, nA = 4, Seed = 2 });

        double alone = model.Predict("not bad");
        double inBatch = model.Predict(["not bad", "Great food but awful service, not good at all, the film was not good."])[0];

        Assert.Equal(alone, inBatch, 12); // m = 1 and m = 2 products add in different orders
    }

    [Fact]
    public void Embedding_dropout_keeps_or_scales_each_value_and_is_seeded()
    {
        var x = SequenceBatch.Dense([new Matrix(4, 50, Enumerable.Repeat(1.0, 200).ToArray()), new Matrix(4, 50, Enumerable.Repeat(2.0, 200).ToArray())]);

        var mask = EmbeddingDropout.Apply(x, 0.25, new Random(7))!;
        var dX = new[] { new Matrix(4, 50, Enumerable.Repeat(3.0, 200).ToArray()), new Matrix(4, 50, Enumerable.Repeat(3.0, 200).ToArray()) };
        mask.Backward(dX);

        Assert.All(x.DenseStep(1).Data, v => Assert.True(v == 0 || v == 1 / 0.75, $"{v}"));
        Assert.All(x.DenseStep(2).Data, v => Assert.True(v == 0 || v == 2 / 0.75, $"{v}"));
        double dropped = x.DenseStep(1).Data.Count(v => v == 0) / 200.0;
        Assert.InRange(dropped, 0.15, 0.35); // p = 0.25
        Assert.All(dX[0].Data.Zip(x.DenseStep(1).Data), p => Assert.Equal(3 * p.Second, p.First)); // dx = d ⊙ dx~
        Assert.Null(EmbeddingDropout.Apply(x, 0, null));
        Assert.Throws<ArgumentException>(() => EmbeddingDropout.Apply(x, 1, new Random(1)));
    }

    [Fact]
    public void Training_with_embedding_dropout_is_seeded_and_moves_away_from_training_without()
    {
        var splits = BundledSentiment.Load();
        var train = splits.Train.Take(128).ToList();
        double[] Run(double dropout)
        {
            var model = SentimentClassifier.Create(train.Select(e => e.Text).ToList(), new SentimentClassifierOptions { Pooling = SentimentPooling.All, nE = 8, nA = 8 });
            SentimentTraining.Train(model, train, options: new SentimentTrainingOptions { Epochs = 1, EmbeddingDropout = dropout });
            return model.Predict(Texts);
        }

        Assert.Equal(Run(0.3), Run(0.3));
        Assert.NotEqual(Run(0.3), Run(0));
    }

    [Fact]
    public void A_saved_pooled_classifier_loads_back_to_bit_identical_predictions()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { Cell = RecurrentCell.Gru, Pooling = SentimentPooling.Mean | SentimentPooling.Max, nE = 3, nA = 4 });
        model.TrainStep(Texts, Labels, new Adam(0.1));
        string folder = Path.Combine(Path.GetTempPath(), $"sentiment-{Guid.NewGuid():N}");
        var texts = Texts.Append("").Append("zzz unknown words").Append(new string('x', 10_000)).ToList();
        try
        {
            model.Save(Path.Combine(folder, "pooled"));
            var loaded = SentimentClassifier.Load(Path.Combine(folder, "pooled"));

            Assert.Equal(SentimentPooling.Mean | SentimentPooling.Max, loaded.Pooling);
            Assert.Equal(model.Predict(texts), loaded.Predict(texts));
            Assert.Equal(CanonicalMath.Sigmoid(model.Tensors[^1].Values[0]), loaded.Predict("")); // the head's by
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_nan_in_the_head_is_named_not_passed_on()
    {
        var model = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { Pooling = SentimentPooling.Max, nE = 3, nA = 4 });
        model.Tensors.Single(t => t.Name == "Wya").Values[1] = double.NaN;

        var e = Assert.Throws<NonFiniteException>(() => model.Predict("not bad"));

        Assert.Contains("pooled head's logit", e.Message);
    }

    [Fact]
    public void The_last_state_only_is_the_note_s_model_with_the_layer_s_own_head()
    {
        var last = SentimentClassifier.Create(Texts, new SentimentClassifierOptions { nE = 3, nA = 4, Seed = 5 });

        Assert.Equal(SentimentPooling.Last, last.Pooling);
        Assert.Equal(["E", "Waa", "Wax", "Wya", "Ba", "By"], last.Tensors.Select(t => t.Name));
        Assert.Throws<ArgumentOutOfRangeException>(() => SentimentClassifier.Create(Texts, new SentimentClassifierOptions { Pooling = 0 }));
    }
}
