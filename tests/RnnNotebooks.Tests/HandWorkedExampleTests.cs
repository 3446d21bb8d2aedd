using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>
/// T = 2, n_x = n_a = n_y = 2, worked out on paper. With g1 = ReLU and g2 = identity (squared error) every
/// number is exact, so the expected values below are the hand calculation itself, not the code's output.
/// </summary>
public class HandWorkedExampleTests
{
    // Waa = [[1, 0.5], [0, 1]]   Wax = [[1, 2], [-1, 1]]   ba = [0, 0.5]
    // Wya = [[1, -1], [0.5, 2]]  by = [0, -0.5]            a<0> = 0
    // x<1> = one-hot(0) = [1, 0], x<2> = one-hot(1) = [0, 1]; y<1> = [0, 1], y<2> = [1, 3.5]
    private static Rnn Model()
    {
        var p = new RecurrentParameters(RecurrentCell.Rnn, nX: 2, nA: 2, nY: 2);
        p.Waa.CopyFrom(Matrix.FromArray(new double[,] { { 1, 0.5 }, { 0, 1 } }));
        p.Wax.CopyFrom(Matrix.FromArray(new double[,] { { 1, 2 }, { -1, 1 } }));
        p.Wya.CopyFrom(Matrix.FromArray(new double[,] { { 1, -1 }, { 0.5, 2 } }));
        p.Ba[0] = 0; p.Ba[1] = 0.5;
        p.By[0] = 0; p.By[1] = -0.5;
        return new Rnn(p, Activation.Relu, Activation.Identity);
    }

    private static readonly SequenceBatch X = SequenceBatch.OneHot(2, [0, 1]);

    private static readonly SequenceTargets Y = SequenceTargets.Dense(
        [Matrix.ColumnVector(0, 1), Matrix.ColumnVector(1, 3.5)]);

    [Fact]
    public void Forward_matches_the_hand_calculation()
    {
        var cache = Model().Forward(X);

        // t=1: z = Waa·0 + Wax[:,0] + ba = [1, -1] + [0, 0.5] = [1, -0.5]  ->  a<1> = relu(z) = [1, 0]
        Assert.Equal([1.0, 0.0], cache.A(1).Data);
        //      yHat<1> = Wya a<1> + by = [1, 0.5] + [0, -0.5] = [1, 0]
        Assert.Equal([1.0, 0.0], cache.YHat(1).Data);
        // t=2: z = Waa a<1> + Wax[:,1] + ba = [1, 0] + [2, 1] + [0, 0.5] = [3, 1.5]  ->  a<2> = [3, 1.5]
        Assert.Equal([3.0, 1.5], cache.A(2).Data);
        //      yHat<2> = Wya a<2> + by = [3 - 1.5, 1.5 + 3] + [0, -0.5] = [1.5, 4]
        Assert.Equal([1.5, 4.0], cache.YHat(2).Data);
    }

    [Fact]
    public void Loss_is_the_sum_of_the_step_losses()
    {
        var model = Model();
        var cache = model.Forward(X);
        // L<1> = 1/2 [(1 - 0)^2 + (0 - 1)^2] = 1;  L<2> = 1/2 [(1.5 - 1)^2 + (4 - 3.5)^2] = 0.25
        Assert.Equal([1.0, 0.25], model.StepLosses(cache, Y));
        Assert.Equal(1.25, model.Loss(cache, Y));
    }

    [Fact]
    public void Backward_matches_the_hand_calculation()
    {
        var model = Model();
        var g = model.Backward(model.Forward(X), Y);

        // dz_y<2> = yHat<2> - y<2> = [0.5, 0.5];  dz_y<1> = [1, -1]
        // dWya = dz_y<2> a<2>^T + dz_y<1> a<1>^T = [[1.5, .75], [1.5, .75]] + [[1, 0], [-1, 0]]
        Assert.Equal([2.5, 0.75, 0.5, 0.75], g.dWya.Data);
        // dby = [0.5 + 1, 0.5 - 1]
        Assert.Equal([1.5, -0.5], g.dBy);
        // t=2: da = Wya^T dz_y<2> = [0.5 + 0.25, -0.5 + 1] = [0.75, 0.5]; relu' = [1, 1] -> dz<2> = [0.75, 0.5]
        //      da_next = Waa^T dz<2> = [0.75, 0.375 + 0.5] = [0.75, 0.875]
        // t=1: da = Wya^T dz_y<1> + da_next = [1 - 0.5, -1 - 2] + [0.75, 0.875] = [1.25, -2.125]
        //      relu' at a<1> = [1, 0] -> dz<1> = [1.25, 0]
        // dWaa = dz<2> a<1>^T + dz<1> a<0>^T = [[0.75, 0], [0.5, 0]] + 0
        Assert.Equal([0.75, 0.0, 0.5, 0.0], g.dWaa.Data);
        // dWax = dz<2> x<2>^T + dz<1> x<1>^T: column 1 gets [0.75, 0.5], column 0 gets [1.25, 0]
        Assert.Equal([1.25, 0.75, 0.0, 0.5], g.dWax.Data);
        // dba = dz<2> + dz<1>
        Assert.Equal([2.0, 0.5], g.dBa);
        // da<0> = Waa^T dz<1> = [1.25, 0.625]
        Assert.Equal([1.25, 0.625], g.dA0.Data);
    }

    [Fact]
    public void Tanh_softmax_step_matches_the_equations_written_out()
    {
        // One step, g1 = tanh, g2 = softmax, from the same weights: the note's equations by hand with Math.
        var p = Model().Parameters;
        var model = new Rnn(p, Activation.Tanh, Activation.Softmax);
        var cache = model.Forward(SequenceBatch.OneHot(2, [0]));
        double a1 = Math.Tanh(1), a2 = Math.Tanh(-0.5);           // a<1> = tanh([1, -0.5])
        double z1 = a1 - a2, z2 = 0.5 * a1 + 2 * a2 - 0.5;         // z = Wya a<1> + by
        double e1 = Math.Exp(z1), e2 = Math.Exp(z2);
        Assert.Equal(a1, cache.A(1)[0, 0], 15);
        Assert.Equal(a2, cache.A(1)[1, 0], 15);
        Assert.Equal(e1 / (e1 + e2), cache.YHat(1)[0, 0], 15);     // softmax
        Assert.Equal(e2 / (e1 + e2), cache.YHat(1)[1, 0], 15);
        // cross-entropy for class 1: -log yHat_1
        double loss = model.Loss(cache, SequenceTargets.ClassIndices([1]));
        Assert.Equal(-Math.Log(e2 / (e1 + e2)), loss, 14);
    }
}
