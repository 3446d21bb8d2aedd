namespace RnnNotebooks.Tests;

/// <summary>Element-wise comparison with a tolerance, reporting the first index that differs.</summary>
internal static class Approx
{
    public static void Equal(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual, double tolerance, string what = "value")
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance))
            {
                Assert.Fail($"{what}[{i}]: expected {expected[i]:R}, actual {actual[i]:R} (|d| = {Math.Abs(expected[i] - actual[i]):G3} > {tolerance:G3})");
            }
        }
    }
}
