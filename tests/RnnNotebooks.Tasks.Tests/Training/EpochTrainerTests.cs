using RnnNotebooks.Tasks;

namespace RnnNotebooks.Tasks.Tests.Training;

/// <summary>
/// The one training loop on a hand-made task: one parameter w, L = weight of the minibatch times (w - 1)², dL/dw =
/// 2 (w - 1) per unit of weight, and a held-out result scripted epoch by epoch, so every choice of the loop is known in
/// advance.
/// </summary>
public sealed class EpochTrainerTests
{
    [Fact]
    public void The_train_loss_is_the_weighted_mean_of_the_losses_before_each_step_and_the_step_is_clipped_then_adam()
    {
        var task = new Quadratic(weights: [1, 3]);

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 1, LearningRate = 0.1, ClipNorm = 0.5 });

        // minibatch 1: L = (0 - 1)² = 1; Adam's first step moves w by alpha (m̂ / sqrt(v̂) = ±1) whatever the clipping: w = 0.1
        // minibatch 2: L = (0.1 - 1)² = 0.81 with weight 3: TrainLoss = (1 * 1 + 3 * 0.81) / 4 = 0.8575
        Assert.Equal(0.8575, run.Epochs[0].TrainLoss, 6);
        Assert.Equal(-0.5, task.Gradient[0], 12);  // dL/dw = 2 (0.1 - 1) = -1.8 clipped to norm 0.5
        Assert.Equal(1, run.BestEpoch);            // no held-out data: the last epoch
        Assert.True(double.IsNaN(run.Epochs[0].HeldOutLoss) && double.IsNaN(run.Epochs[0].HeldOutScore));
    }

    [Fact]
    public void Early_stopping_keeps_the_best_epochs_parameters_not_the_last()
    {
        var task = new Quadratic(heldOutLosses: [3, 1, 2, 4]);

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 4, LearningRate = 0.1 });

        Assert.Equal(4, run.Epochs.Count);
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal(1, run.Best.HeldOutLoss);
        Assert.Equal(task.AfterEpoch[1], task.W[0]);      // w as it was after epoch 2, bit for bit
        Assert.NotEqual(task.AfterEpoch[3], task.W[0]);   // not the last epoch's
    }

    [Fact]
    public void A_task_with_a_score_is_judged_by_it_higher_better_and_a_tie_keeps_the_earlier_epoch()
    {
        var task = new Quadratic(heldOutLosses: [9, 8, 7, 6], heldOutScores: [0.5, 0.7, 0.7, 0.6]);

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 4, LearningRate = 0.1 });

        Assert.Equal(2, run.BestEpoch);                   // not epoch 4, whose loss is lowest
        Assert.Equal(task.AfterEpoch[1], task.W[0]);
    }

    [Fact]
    public void Patience_stops_after_that_many_epochs_without_a_better_held_out_result()
    {
        var task = new Quadratic(heldOutLosses: [3, 1, 2, 1, 0.5, 0.1]);

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 6, LearningRate = 0.1, Patience = 2 });

        Assert.Equal(4, run.Epochs.Count);                // epochs 3 and 4 are no better than 2 (a tie is not better)
        Assert.Equal(2, run.BestEpoch);
        Assert.Equal(task.AfterEpoch[1], task.W[0]);
    }

    [Fact]
    public void Without_keep_best_the_model_keeps_the_last_epochs_parameters()
    {
        var task = new Quadratic(heldOutLosses: [3, 1, 2]);

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 3, LearningRate = 0.1, KeepBest = false });

        Assert.Equal(3, run.BestEpoch);
        Assert.Equal(task.AfterEpoch[2], task.W[0]);
    }

    [Fact]
    public void Progress_is_called_once_per_epoch_in_order_with_the_results_records()
    {
        var task = new Quadratic(heldOutLosses: [3, 2, 1]);
        var seen = new List<TrainingEpoch>();
        var batches = new List<(int Epoch, double Share)>();

        var run = EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 3 }, seen.Add, (e, share) => batches.Add((e, share)));

        Assert.Equal(run.Epochs, seen);
        Assert.Equal([1, 2, 3], seen.Select(e => e.Epoch));
        Assert.Equal([(1, 0.5), (1, 1.0), (2, 0.5), (2, 1.0), (3, 0.5), (3, 1.0)], batches);
    }

    [Fact]
    public void A_nan_loss_stops_training_with_an_error_naming_the_epoch_and_minibatch()
    {
        var task = new Quadratic(weights: [1, 1, 1, 1], nanAt: (2, 3));

        var e = Assert.Throws<NonFiniteException>(() => EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 3, LearningRate = 0.1 }));

        Assert.Contains("epoch 2, minibatch 3 of 4", e.Message);
        Assert.Contains("the loss is NaN", e.Message);
        Assert.True(double.IsFinite(task.W[0]), "the NaN reached the parameters");
    }

    [Fact]
    public void One_seeded_generator_serves_the_whole_run()
    {
        var task = new Quadratic();

        EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 3, Seed = 7 });

        var expected = Seeds.Random(7);
        Assert.Equal([expected.Next(), expected.Next(), expected.Next()], task.Draws);
    }

    [Fact]
    public void Early_stopping_without_held_out_data_and_bad_options_are_named()
    {
        var task = new Quadratic();

        Assert.Contains("held-out", Assert.Throws<ArgumentException>(() => EpochTrainer.Fit(task.Task, new TrainingOptions { Patience = 2 })).Message);
        Assert.Equal("options.Epochs", Assert.Throws<ArgumentOutOfRangeException>(() => EpochTrainer.Fit(task.Task, new TrainingOptions { Epochs = 0 })).ParamName);
        Assert.Equal("options.ClipNorm", Assert.Throws<ArgumentOutOfRangeException>(() => EpochTrainer.Fit(task.Task, new TrainingOptions { ClipNorm = 0 })).ParamName);
    }

    /// <summary>The hand-made task: minibatches are weights, L = weight (w - 1)², held-out results scripted per epoch.</summary>
    private sealed class Quadratic
    {
        private readonly double[] g = new double[1];
        private int epoch;

        public Quadratic(double[]? weights = null, double[]? heldOutLosses = null, double[]? heldOutScores = null, (int Epoch, int Batch)? nanAt = null)
        {
            weights ??= [1, 1];
            int batch = 0;
            Task = new TrainingTask<double>
            {
                Parameters = [new ParameterView("w", W, 1, 1)],
                Gradients = () => [new ParameterView("dw", g, 1, 1)],
                Minibatches = (_, random) =>
                {
                    (epoch, batch) = (epoch + 1, 0);
                    Draws.Add(random.Next());
                    return weights;
                },
                LossAndGradients = (weight, _) =>
                {
                    batch++;
                    g[0] = 2 * (W[0] - 1);                                   // dL/dw per unit of weight
                    double loss = (epoch, batch) == nanAt ? double.NaN : (W[0] - 1) * (W[0] - 1);
                    return (loss, weight);
                },
                Evaluate = heldOutLosses is null ? null : () =>
                {
                    AfterEpoch.Add(W[0]);
                    return (heldOutLosses[epoch - 1], heldOutScores?[epoch - 1] ?? double.NaN);
                },
            };
        }

        public double[] W { get; } = [0];

        public double[] Gradient => g;

        public List<double> AfterEpoch { get; } = [];

        public List<int> Draws { get; } = [];

        public TrainingTask<double> Task { get; }
    }
}
