using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>Every wrong input throws at once with a message naming the input, expected vs actual, and the time step.</summary>
public class BadInputTests
{
    private static readonly Rnn Model = Rnn.Create(nX: 4, nA: 3, nY: 4, seed: 1);

    private static void Mentions(Exception e, params string[] parts)
    {
        foreach (var part in parts)
        {
            Assert.Contains(part, e.Message);
        }
    }

    [Fact]
    public void Empty_sequence()
    {
        var e = Assert.Throws<ArgumentException>(() => SequenceBatch.OneHot(4, Array.Empty<int[]>()));
        Mentions(e, "tokens", "empty", "Tx = 0");
        e = Assert.Throws<ArgumentException>(() => SequenceBatch.Dense(Array.Empty<Matrix>()));
        Mentions(e, "x", "empty");
        e = Assert.Throws<ArgumentException>(() => SequenceBatch.OneHotPadded(4, [[1, 2], []], padToken: 0));
        Mentions(e, "sequences[1]", "empty");
    }

    [Fact]
    public void Token_out_of_range_names_the_step_and_sample()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceBatch.OneHot(4, [[0, 1], [2, 3], [1, 7]]));
        Mentions(e, "tokens<3>", "t=3", "sample 1", "token 7", "[0, 4)");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceBatch.OneHot(4, [-1, 2]));
        Mentions(e, "t=1", "token -1");
    }

    [Fact]
    public void Ragged_batch_names_the_step()
    {
        var e = Assert.Throws<ArgumentException>(() => SequenceBatch.OneHot(4, [[0, 1], [2]]));
        Mentions(e, "tokens<2>", "1 samples", "m = 2");
    }

    [Fact]
    public void Wrong_input_shape_names_expected_and_actual()
    {
        var e = Assert.Throws<ArgumentException>(() => SequenceBatch.Dense([new Matrix(4, 2), new Matrix(3, 2)]));
        Mentions(e, "x<2>", "t=2", "(3, 2)", "expected (4, 2)");
        var x = SequenceBatch.Dense([new Matrix(5, 1)]);
        e = Assert.Throws<ArgumentException>(() => Model.Forward(x));
        Mentions(e, "n_x = 5", "n_x = 4");
    }

    [Fact]
    public void Wrong_a0_shape()
    {
        var e = Assert.Throws<ArgumentException>(() => Model.Forward(SequenceBatch.OneHot(4, [1, 2]), new Matrix(3, 2)));
        Mentions(e, "a0", "(3, 2)", "expected (3, 1)", "(n_a, m)");
    }

    [Fact]
    public void NaN_or_infinity_in_inputs_names_the_step_and_element()
    {
        var x2 = new Matrix(4, 1);
        x2[2, 0] = double.NaN;
        var e = Assert.Throws<NonFiniteException>(() => SequenceBatch.Dense([new Matrix(4, 1), x2]));
        Mentions(e, "x<2>", "t=2", "NaN", "element (2, 0)");
        Assert.Equal(2, e.TimeStep);
        var a0 = new Matrix(3, 1);
        a0[1, 0] = double.PositiveInfinity;
        e = Assert.Throws<NonFiniteException>(() => Model.Forward(SequenceBatch.OneHot(4, [1]), a0));
        Mentions(e, "a0", "Infinity", "element (1, 0)");
        var y = Matrix.ColumnVector(0, double.NaN, 0, 0);
        e = Assert.Throws<NonFiniteException>(() => SequenceTargets.Dense([y]));
        Mentions(e, "y<1>", "NaN");
    }

    [Fact]
    public void NaN_in_a_parameter_is_named()
    {
        var model = Rnn.Create(4, 3, 4, seed: 2);
        model.Parameters.Wya[1, 2] = double.NaN;
        var e = Assert.Throws<NonFiniteException>(() => model.Forward(SequenceBatch.OneHot(4, [1, 2])));
        Mentions(e, "Wya", "NaN", "element (1, 2)");
    }

    [Fact]
    public void Diverging_relu_forward_names_the_step()
    {
        var p = new RecurrentParameters(RecurrentCell.Rnn, 1, 1, 1);
        p.Waa[0, 0] = 1e200; // a<t> = relu(1e200 a<t-1> + 1): a<1> = 1, a<2> = 1e200, a<3> = inf
        p.Wax[0, 0] = 1;
        var model = new Rnn(p, Activation.Relu, Activation.Identity);
        var e = Assert.Throws<NonFiniteException>(() => model.Forward(SequenceBatch.OneHot(1, [0, 0, 0, 0])));
        Assert.Equal(3, e.TimeStep);
        Mentions(e, "a<3>", "t=3", "diverged");
    }

    [Fact]
    public void Targets_of_the_wrong_length_shape_or_class()
    {
        var cache = Model.Forward(SequenceBatch.OneHot(4, [1, 2, 3]));
        var e = Assert.Throws<ArgumentException>(() => Model.Loss(cache, SequenceTargets.ClassIndices([1, 2])));
        Mentions(e, "Ty = 2", "Tx = 3");
        var oor = Assert.Throws<ArgumentOutOfRangeException>(() => Model.Loss(cache, SequenceTargets.ClassIndices([1, 9, 0])));
        Mentions(oor, "y<2>", "t=2", "class 9", "[0, 4)");
        e = Assert.Throws<ArgumentException>(() => Model.Loss(cache, SequenceTargets.Dense([new Matrix(4, 1), new Matrix(4, 1), new Matrix(4, 1)])));
        Mentions(e, "softmax", "class-index");
    }

    [Fact]
    public void Mask_of_the_wrong_length_names_what_was_expected()
    {
        var e = Assert.Throws<ArgumentException>(() => SequenceTargets.ClassIndices([[1], [2], [3]], [[1.0], [1.0]]));
        Mentions(e, "weights", "2 time steps", "Ty = 3");
        e = Assert.Throws<ArgumentException>(() => SequenceTargets.ClassIndices([[1, 2], [2, 0]], [[1.0, 1.0], [1.0]]));
        Mentions(e, "weights<2>", "t=2", "1 entries", "m = 2");
        var oor = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceTargets.ClassIndices([[1]], [[double.NaN]]));
        Mentions(oor, "weights<1>", "NaN");
        oor = Assert.Throws<ArgumentOutOfRangeException>(() => SequenceTargets.Mask([3, 0], 3));
        Mentions(oor, "lengths[1] = 0");
    }

    [Fact]
    public void Backward_inputs_of_the_wrong_shape()
    {
        var cache = Model.Forward(SequenceBatch.OneHot(4, [1, 2, 3]));
        var y = SequenceTargets.ClassIndices([1, 2, 3]);
        var e = Assert.Throws<ArgumentException>(() => Model.Backward(cache, y, new BackwardOptions { dALast = new Matrix(2, 1) }));
        Mentions(e, "dALast", "(2, 1)", "expected (3, 1)");
        e = Assert.Throws<ArgumentException>(() => Model.Backward(cache, y, new BackwardOptions { dAFromAbove = [new Matrix(3, 1)] }));
        Mentions(e, "dAFromAbove", "1 steps", "Tx = 3");
    }

    [Fact]
    public void Training_that_diverges_stops_with_the_step_named()
    {
        // ReLU with a huge learning rate: the loss overflows after a few updates.
        var model = Rnn.Create(nX: 3, nA: 8, nY: 3, seed: 1, g1: Activation.Relu, g2: Activation.Identity);
        var trainer = new Trainer(model, new Sgd(learningRate: 50));
        var x = SequenceBatch.OneHot(3, [0, 1, 2, 0, 1, 2, 0, 1]);
        var y = SequenceTargets.Dense(Enumerable.Range(0, 8).Select(t => Matrix.ColumnVector(t, -t, 2 * t)).ToArray());
        var losses = new List<double>();
        var e = Assert.Throws<NonFiniteException>(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                losses.Add(trainer.Step(x, y));
            }
        });
        Mentions(e, "Training stopped at update", "Last finite batch loss");
        Assert.True(losses.Count < 100);
        Assert.All(losses, l => Assert.True(double.IsFinite(l)));
    }

    [Fact]
    public void Unknown_loss_kind_throws_naming_the_value()
    {
        var yHat = Matrix.ColumnVector(0.5, 0.5);
        var y = SequenceTargets.Dense([Matrix.ColumnVector(1, 0)]);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Losses.Step((LossKind)42, yHat, yHat, y, t: 1));
        Assert.Equal("kind", e.ParamName);
        Mentions(e, "42", "CrossEntropy", "SquaredError");
    }

    [Fact]
    public void Unknown_activation_throws_naming_the_value()
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX: 4, nA: 3, nY: 4, seed: 1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Rnn(p, g1: (Activation)42));
        Assert.Equal("g1", e.ParamName);
        Mentions(e, "42", "Tanh");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new Rnn(p, g2: (Activation)42));
        Assert.Equal("g2", e.ParamName);
        Mentions(e, "42", "Softmax");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Losses.For((Activation)42));
        Mentions(e, "42");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.Apply((Activation)42, new double[2], 2, 1));
        Mentions(e, "42");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => Activations.MultiplyByDerivative((Activation)42, new double[2], new double[2]));
        Mentions(e, "42");
        e = Assert.Throws<ArgumentOutOfRangeException>(() => new FeedForwardNet(nIn: 2, nH: 2, nOut: 2, seed: 1, g1: (Activation)42));
        Mentions(e, "42");
        var y = SequenceTargets.Dense([Matrix.ColumnVector(1, 0, 0, 0)]);
        e = Assert.Throws<ArgumentOutOfRangeException>(() => y.Validate(nY: 4, g2: (Activation)42, tx: 1, m: 1));
        Mentions(e, "42");
    }
}
