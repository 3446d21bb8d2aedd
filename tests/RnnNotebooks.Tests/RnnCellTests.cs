using RnnNotebooks;

namespace RnnNotebooks.Tests;

public class RnnCellTests
{
    [Theory]
    [InlineData(3, 5, 1, 1)]
    [InlineData(7, 4, 6, 2)]
    [InlineData(16, 27, 8, 3)]
    public void Stacked_form_equals_the_two_matrix_form(int nX, int nA, int m, int seed)
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX, nA, 2, seed);
        var random = new Random(seed);
        Initializers.Gaussian(p.Ba, random, 0.5);
        var aPrev = new Matrix(nA, m);
        var x = new Matrix(nX, m);
        Initializers.Gaussian(aPrev.Data, random);
        Initializers.Gaussian(x.Data, random);

        var twoMatrix = new Matrix(nA, m);
        RnnCell.Step(p, Activation.Tanh, aPrev, x, twoMatrix);              // g1(Waa a + Wax x + ba)
        var stacked = RnnCell.StepStacked(p.Wa, p.Ba, Activation.Tanh, aPrev, x); // g1(Wa [a; x] + ba)

        for (int i = 0; i < twoMatrix.Data.Length; i++)
        {
            Assert.Equal(twoMatrix.Data[i], stacked.Data[i], 1e-14);
        }
    }

    [Fact]
    public void Wa_is_Waa_beside_Wax()
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX: 3, nA: 2, nY: 1, seed: 4);
        var wa = p.Wa;
        Assert.Equal((2, 5), wa.Shape);
        Assert.Equal(p.Waa[1, 0], wa[1, 0]);
        Assert.Equal(p.Waa[0, 1], wa[0, 1]);
        Assert.Equal(p.Wax[0, 0], wa[0, 2]);
        Assert.Equal(p.Wax[1, 2], wa[1, 4]);
    }

    [Fact]
    public void One_hot_step_equals_the_dense_step()
    {
        var p = RecurrentParameters.Initialize(RecurrentCell.Rnn, nX: 6, nA: 4, nY: 3, seed: 9);
        var aPrev = new Matrix(4, 3);
        Initializers.Gaussian(aPrev.Data, new Random(1));
        int[] tokens = [5, 0, 2];
        var dense = SequenceBatch.OneHot(6, [tokens]).ToDense(1);
        var fromTokens = new Matrix(4, 3);
        var fromDense = new Matrix(4, 3);
        RnnCell.Step(p, Activation.Relu, aPrev, tokens, fromTokens);
        RnnCell.Step(p, Activation.Relu, aPrev, dense, fromDense);
        Assert.Equal(fromDense.Data, fromTokens.Data);
    }

    [Fact]
    public void Batch_columns_are_independent_sequences()
    {
        // Running m = 3 sequences as one batch gives each the same states as running it alone.
        var model = Rnn.Create(nX: 5, nA: 6, nY: 5, seed: 3);
        int[][] sequences = [[1, 2, 3, 4], [0, 0, 4, 1], [3, 1, 1, 2]];
        var batch = model.Forward(SequenceBatch.OneHotPadded(5, sequences, padToken: 0));
        for (int j = 0; j < 3; j++)
        {
            var alone = model.Forward(SequenceBatch.OneHot(5, sequences[j]));
            for (int t = 1; t <= 4; t++)
            {
                Approx.Equal(expected: alone.A(t).Column(0), actual: batch.A(t).Column(j), tolerance: 1e-14);
                Approx.Equal(expected: alone.YHat(t).Column(0), actual: batch.YHat(t).Column(j), tolerance: 1e-14);
            }
        }
    }
}
