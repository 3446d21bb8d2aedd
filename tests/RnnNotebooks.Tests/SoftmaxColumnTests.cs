namespace RnnNotebooks.Tests;

/// <summary>Softmax normalises each column of a (rows, m) block; one column alone (m = 1) takes its own fast path.</summary>
public sealed class SoftmaxColumnTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(27)]
    [InlineData(100)]
    public void A_column_alone_gets_the_same_bits_as_the_same_column_in_a_batch(int rows)
    {
        var random = new Random(rows);
        const int m = 5;
        var batch = Enumerable.Range(0, rows * m).Select(_ => (random.NextDouble() - 0.5) * 40).ToArray();
        var columns = Enumerable.Range(0, m).Select(j => Enumerable.Range(0, rows).Select(i => batch[i * m + j]).ToArray()).ToArray();

        Activations.Apply(Activation.Softmax, batch, rows, m);

        for (int j = 0; j < m; j++)
        {
            Activations.Apply(Activation.Softmax, columns[j], rows, 1);
            for (int i = 0; i < rows; i++)
            {
                Assert.True(BitConverter.DoubleToInt64Bits(batch[i * m + j]) == BitConverter.DoubleToInt64Bits(columns[j][i]),
                    $"row {i} of column {j}: {batch[i * m + j]:R} in the batch, {columns[j][i]:R} alone");
            }
        }
    }

    [Fact]
    public void A_column_sums_to_one_and_keeps_its_order()
    {
        double[] z = [1, 2, 3];

        Activations.Apply(Activation.Softmax, z, 3, 1);

        double e = Math.E;
        Assert.Equal(1 / (1 + e + e * e), z[0], 15);
        Assert.Equal(e * e / (1 + e + e * e), z[2], 15);
        Assert.Equal(1.0, z.Sum(), 15);
    }

    [Fact]
    public void A_NaN_logit_makes_the_column_NaN_rather_than_a_number()
    {
        double[] z = [0.5, double.NaN, 1.0];

        Activations.Apply(Activation.Softmax, z, 3, 1);

        Assert.All(z, v => Assert.True(double.IsNaN(v)));
    }
}
