using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>The notebooks' shared checks, on hand-computed values.</summary>
public class ChecksTests
{
    [Fact]
    public void CheckShapeNamesBothShapes()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Checks.CheckShape(new Matrix(2, 3), (2, 1), "a<t>"));
        Assert.Equal("a<t> has shape (2, 3); expected (2, 1).", e.Message);
        Checks.CheckShape(new Matrix(2, 1), (2, 1), "a<t>");
    }

    [Fact]
    public void NormAndLargestDifferenceByHand()
    {
        var u = Matrix.ColumnVector(3, 4);
        Assert.Equal(5.0, Checks.Norm(u));
        Assert.Equal(1.5, Checks.LargestDifference(u, Matrix.ColumnVector(3.5, 2.5)));
        Assert.Throws<ArgumentException>(() => Checks.LargestDifference(u, new Matrix(1, 2)));
    }
}
