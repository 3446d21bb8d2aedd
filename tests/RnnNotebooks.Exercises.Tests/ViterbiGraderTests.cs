using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>The Viterbi grader accepts the recursion and names a greedy decoder and a forgotten end score.</summary>
public class ViterbiGraderTests
{
    /// <summary>Viterbi: delta&lt;t&gt;[k] = u[k, t] + max_i (delta&lt;t-1&gt;[i] + A[i, k]), back-pointers, optionally without end or transitions.</summary>
    private static int[] Viterbi(Matrix u, Matrix a, double[] start, double[] end, bool useEnd = true, bool useTransitions = true)
    {
        int nY = u.Rows, T = u.Cols;
        var delta = Enumerable.Range(0, nY).Select(k => (useTransitions ? start[k] : 0) + u[k, 0]).ToArray();
        var from = new int[T, nY];
        for (int t = 1; t < T; t++)
        {
            var next = new double[nY];
            for (int k = 0; k < nY; k++)
            {
                int best = Enumerable.Range(0, nY).MaxBy(i => delta[i] + (useTransitions ? a[i, k] : 0));
                from[t, k] = best;
                next[k] = u[k, t] + delta[best] + (useTransitions ? a[best, k] : 0);
            }
            delta = next;
        }
        var y = new int[T];
        y[T - 1] = Enumerable.Range(0, nY).MaxBy(k => delta[k] + (useEnd && useTransitions ? end[k] : 0));
        for (int t = T - 1; t > 0; t--)
        {
            y[t - 1] = from[t, y[t]];
        }
        return y;
    }

    [Fact]
    public void ViterbiAcceptsTheRecursion()
    {
        var verdict = Grade.Viterbi((u, a, start, end) => Viterbi(u, a, start, end));
        Assert.True(verdict.Passed, verdict.Message);
    }

    [Fact]
    public void ViterbiNamesAGreedyDecoder()
    {
        var verdict = Grade.Viterbi((u, a, start, end) => Viterbi(u, a, start, end, useTransitions: false));
        Assert.False(verdict.Passed);
        Assert.Contains("each column's argmax of u", verdict.Message);
    }

    [Fact]
    public void ViterbiNamesAForgottenEndScore()
    {
        var verdict = Grade.Viterbi((u, a, start, end) => Viterbi(u, a, start, end, useEnd: false));
        Assert.False(verdict.Passed);
        Assert.Contains("without the end scores", verdict.Message);
    }

    [Fact]
    public void ViterbiNamesAShortPathAndAnUnwrittenBody()
    {
        Assert.Contains("the path has 0 tags", Grade.Viterbi((u, a, start, end) => []).Message);
        var unwritten = Grade.Viterbi((u, a, start, end) => throw new NotImplementedException());
        Assert.False(unwritten.Passed);
    }
}
