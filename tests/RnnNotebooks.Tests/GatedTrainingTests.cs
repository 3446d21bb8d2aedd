using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>The <see cref="Trainer"/> on GRU and LSTM layers, on <see cref="TrainingTests.HelloWorld"/>: it lowers the loss, and under truncation carries (a, c) from chunk to chunk.</summary>
public class GatedTrainingTests
{
    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void A_small_gated_model_learns_hello_world(RecurrentCell cell)
    {
        var (x, y, v) = TrainingTests.HelloWorld();
        var trainer = new Trainer(RecurrentLayers.Create(cell, v, 16, v, seed: 7), new Adam(0.02));

        var losses = Enumerable.Range(0, 200).Select(_ => trainer.Step(x, y)).ToArray();

        // 23 steps; an untrained model pays about ln(8) = 2.08 per step, a perfect one 0.
        Assert.InRange(losses[0], 23 * 1.7, 23 * 2.5);
        Assert.True(losses[^1] < 0.05 * losses[0], $"{cell}: final loss {losses[^1]:G4} vs initial {losses[0]:G4}");
        Assert.Equal(cell == RecurrentCell.Lstm, trainer.LastCellState is not null);
    }

    [Theory]
    [InlineData(RecurrentCell.Gru)]
    [InlineData(RecurrentCell.Lstm)]
    public void Truncated_bptt_updates_once_per_chunk_and_carries_both_states(RecurrentCell cell)
    {
        var (x, y, v) = TrainingTests.HelloWorld();
        var layer = RecurrentLayers.Create(cell, v, 8, v, seed: 4);
        var reference = RecurrentLayers.Over(((RecurrentParameters)layer.Parameters).Clone(), g2: layer.G2);
        var trainer = new Trainer(layer, new Sgd(0.1), new TrainerOptions { TruncateAfter = 10 });
        double loss = trainer.Step(x, y);
        Assert.Equal(3, trainer.Steps); // 23 steps in chunks of 10, 10, 3

        // By hand: each chunk from the previous chunk's last (a, c), computed before that chunk's update.
        var sgd = new Sgd(0.1);
        (Matrix? a, Matrix? c) = (null, null);
        double expected = 0;
        foreach (var (start, length) in new[] { (1, 10), (11, 10), (21, 3) })
        {
            var cache = reference.Forward(x.Slice(start, length), a, c, null);
            expected += reference.Loss(cache, y.Slice(start, length));
            var g = reference.Backward(cache, y.Slice(start, length), null, null);
            (a, c) = (cache.Last.Clone(), cache.LastCell?.Clone());
            sgd.Step(reference.Parameters.Tensors, g.Tensors);
        }
        Assert.Equal(expected, loss, 12);
        Approx.Equal(expected: reference.Parameters.Tensors[1].Values, actual: layer.Parameters.Tensors[1].Values, tolerance: 1e-14, what: "Waa");
        Approx.Equal(expected: a!.Data, actual: trainer.LastState!.Data, tolerance: 1e-14, what: "a<T>");
        if (cell == RecurrentCell.Lstm)
        {
            Approx.Equal(expected: c!.Data, actual: trainer.LastCellState!.Data, tolerance: 1e-14, what: "c<T>");
        }
    }

    [Fact]
    public void An_lstm_continues_a_text_from_the_carried_state()
    {
        var (x, y, v) = TrainingTests.HelloWorld();
        var lstm = Lstm.Create(v, 8, v, seed: 5);
        var reference = new Lstm(lstm.Parameters.Clone());
        var trainer = new Trainer(lstm, new Sgd(0.0)); // no update: only the states matter
        trainer.Step(x, y);
        double continued = trainer.Step(x, y, trainer.LastState, trainer.LastCellState);

        var first = reference.Forward(x);
        double expected = reference.Loss(reference.Forward(x, first.Last, first.LastCell), y);
        Assert.Equal(expected, continued, 12);
        Assert.NotEqual(reference.Loss(first, y), continued, 6);
    }

    [Fact]
    public void An_rnn_trained_through_the_layer_interface_has_the_bits_of_the_old_trainer()
    {
        var (x, y, v) = TrainingTests.HelloWorld();
        var old = new Trainer(Rnn.Create(v, 16, v, 7), new Adam(0.02), new TrainerOptions { TruncateAfter = 10 });
        var generic = new Trainer(RecurrentLayers.Create(RecurrentCell.Rnn, v, 16, v, 7), new Adam(0.02), new TrainerOptions { TruncateAfter = 10 });

        var oldLosses = Enumerable.Range(0, 30).Select(_ => old.Step(x, y)).ToArray();
        var losses = Enumerable.Range(0, 30).Select(_ => generic.Step(x, y)).ToArray();

        Assert.Equal(oldLosses.Select(BitConverter.DoubleToInt64Bits), losses.Select(BitConverter.DoubleToInt64Bits));
        Assert.Equal(old.Layer.Parameters.Waa.Data, generic.Layer.Parameters.Waa.Data);
    }
}
