using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class ClippingTests
{
    [Fact]
    public void By_value_clamps_each_entry()
    {
        ParameterView[] g = [new("dW", [6.0, -7.0, 1.0], 3, 1), new("db", [-5.0, 4.0], 2, 1)];
        Assert.Equal(2, GradientClipping.ByValue(g, 5));
        Assert.Equal([5.0, -5.0, 1.0], g[0].Values);
        Assert.Equal([-5.0, 4.0], g[1].Values);
    }

    [Fact]
    public void By_global_norm_rescales_all_gradients_together()
    {
        // ||(3, 4, 12)|| = 13; clip to 6.5 halves every entry.
        ParameterView[] g = [new("dW", [3.0, 4.0], 2, 1), new("db", [12.0], 1, 1)];
        Assert.Equal(13.0, GradientClipping.ByGlobalNorm(g, 6.5));
        Assert.Equal([1.5, 2.0], g[0].Values);
        Assert.Equal([6.0], g[1].Values);
        Assert.Equal(6.5, GradientClipping.GlobalNorm(g), 14);
    }

    [Fact]
    public void Below_the_threshold_nothing_changes()
    {
        ParameterView[] g = [new("dW", [0.3, 0.4], 2, 1)];
        Assert.Equal(0.5, GradientClipping.ByGlobalNorm(g, 1), 15);
        Assert.Equal([0.3, 0.4], g[0].Values);
    }

    [Fact]
    public void Thresholds_must_be_positive()
    {
        ParameterView[] g = [new("dW", [1.0], 1, 1)];
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ByGlobalNorm(g, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GradientClipping.ByValue(g, double.NaN));
    }
}
