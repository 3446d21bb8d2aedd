using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class InitializationTests
{
    [Fact]
    public void Orthogonal_Waa_has_WtW_equal_to_I()
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX: 5, nA: 12, nY: 3, seed: 3);
        var w = p.Waa;
        for (int i = 0; i < 12; i++)
        {
            for (int j = 0; j < 12; j++)
            {
                double dot = 0;
                for (int r = 0; r < 12; r++)
                {
                    dot += w[r, i] * w[r, j];
                }
                Assert.Equal(i == j ? 1.0 : 0.0, dot, 1e-12);
            }
        }
    }

    [Fact]
    public void Xavier_stays_inside_its_bound_and_biases_start_at_zero()
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX: 27, nA: 64, nY: 27, seed: 1, WeightInit.Xavier);
        double r = Math.Sqrt(6.0 / (64 + 27));
        Assert.All(p.Wax.Data, v => Assert.InRange(v, -r, r));
        Assert.All(p.Wya.Data, v => Assert.InRange(v, -r, r));
        Assert.All(p.Ba, v => Assert.Equal(0.0, v));
        Assert.All(p.By, v => Assert.Equal(0.0, v));
        // and it is not degenerate: the spread is near r / sqrt(3)
        double std = Math.Sqrt(p.Wax.Data.Average(v => v * v));
        Assert.InRange(std, 0.9 * r / Math.Sqrt(3), 1.1 * r / Math.Sqrt(3));
    }

    [Fact]
    public void Same_seed_same_bits_other_seed_other_values()
    {
        var a = RecurrentParameters.Initialize(RecurrentCell.Rnn, 4, 6, 4, seed: 10);
        var b = RecurrentParameters.Initialize(RecurrentCell.Rnn, 4, 6, 4, seed: 10);
        var c = RecurrentParameters.Initialize(RecurrentCell.Rnn, 4, 6, 4, seed: 11);
        Assert.Equal(a.Waa.Data, b.Waa.Data);
        Assert.Equal(a.Wya.Data, b.Wya.Data);
        Assert.NotEqual(a.Waa.Data, c.Waa.Data);
    }

    [Fact]
    public void Parameter_count_is_the_sum_of_the_shapes()
    {
        var p = new RecurrentParameters(RecurrentCell.Rnn, nX: 27, nA: 50, nY: 27);
        Assert.Equal(50 * 50 + 50 * 27 + 27 * 50 + 50 + 27, p.Count);
        Assert.Equal(["Waa", "Wax", "Wya", "Ba", "By"], p.Tensors.Select(t => t.Name));
    }
}
