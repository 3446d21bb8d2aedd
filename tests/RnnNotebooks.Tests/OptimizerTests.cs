using RnnNotebooks;

namespace RnnNotebooks.Tests;

/// <summary>One or two updates of each optimiser, computed by hand.</summary>
public class OptimizerTests
{
    private static (ParameterView[] W, ParameterView[] G) Pair(double[] w, double[] g) =>
        ([new("W", w, w.Length, 1)], [new("dW", g, g.Length, 1)]);

    [Fact]
    public void Sgd_steps_against_the_gradient()
    {
        var (w, g) = Pair([1.0, -2.0], [0.5, -1.0]);
        new Sgd(0.1).Step(w, g);
        Approx.Equal(expected: [0.95, -1.9], actual: w[0].Values, tolerance: 1e-15);
    }

    [Fact]
    public void Momentum_accumulates_velocity()
    {
        var (w, g) = Pair([1.0], [1.0]);
        var sgd = new Sgd(0.1, momentum: 0.9);
        sgd.Step(w, g); // v = 1;         W = 1 - 0.1        = 0.9
        sgd.Step(w, g); // v = 0.9 + 1;   W = 0.9 - 0.1*1.9  = 0.71
        Assert.Equal(0.71, w[0].Values[0], 1e-15);
    }

    [Fact]
    public void Adagrad_divides_by_the_root_of_the_summed_squares()
    {
        var (w, g) = Pair([1.0], [2.0]);
        var adagrad = new Adagrad(0.1, epsilon: 0);
        adagrad.Step(w, g); // mem = 4;  W = 1 - 0.1*2/2          = 0.9
        adagrad.Step(w, g); // mem = 8;  W = 0.9 - 0.1*2/sqrt(8)
        Assert.Equal(0.9 - 0.2 / Math.Sqrt(8), w[0].Values[0], 1e-15);
    }

    [Fact]
    public void Adam_first_step_is_the_learning_rate_times_the_sign()
    {
        // With bias correction, mHat = g and vHat = g² at step 1: W -= alpha g / (|g| + eps).
        var (w, g) = Pair([1.0, 1.0], [3.0, -0.25]);
        new Adam(0.01, epsilon: 0).Step(w, g);
        Approx.Equal(expected: [0.99, 1.01], actual: w[0].Values, tolerance: 1e-15);
    }

    [Fact]
    public void Adam_second_step_by_hand()
    {
        var (w, g) = Pair([0.0], [1.0]);
        var adam = new Adam(0.1, 0.9, 0.999, 0);
        adam.Step(w, g);
        g[0].Values[0] = -1.0;
        adam.Step(w, g);
        double m = 0.9 * 0.1 + 0.1 * -1.0;          // -0.01
        double v = 0.999 * 0.001 + 0.001 * 1.0;     //  0.001999
        double expected = -0.1 - 0.1 * (m / (1 - 0.81)) / Math.Sqrt(v / (1 - 0.998001));
        Assert.Equal(expected, w[0].Values[0], 1e-15);
    }

    [Fact]
    public void Mismatched_lists_are_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new Sgd(0.1).Step(
            [new("W", new double[3], 3, 1)], [new("dW", new double[2], 2, 1)]));
        Assert.Contains("dW has 2 values; W has 3", e.Message);
    }
}
