namespace RnnNotebooks;

/// <summary>
/// Greedy and beam search over an <see cref="IStepDecoder"/>. Beam search keeps the k partial outputs of highest
/// log P(y&lt;1..t&gt; | x) at each step, and ranks finished ones (ended by the end token, or stopped at the maximum length)
/// with length normalisation, so that short outputs are not favoured merely for having fewer factors below 1:
/// <code>
/// score(y) = (1 / Ty^alpha) sum_{t=1..Ty} log P(y&lt;t&gt; | x, y&lt;1..t-1&gt;)        (Ty counts the end token; alpha = 0.7)
/// </code>
/// </summary>
public static class SequenceSearch
{
    /// <summary>The default alpha of length normalisation, 0.7 (alpha = 1: mean log-probability; 0: none).</summary>
    public const double DefaultAlpha = 0.7;

    /// <summary>Greedy decoding: y&lt;t&gt; = argmax yHat&lt;t&gt;, until the end token or <paramref name="maxLength"/> tokens.</summary>
    /// <param name="decoder">The decoder.</param>
    /// <param name="start">The start token, fed as y&lt;0&gt;.</param>
    /// <param name="end">The end token.</param>
    /// <param name="maxLength">The most tokens to write, end token included.</param>
    /// <param name="alpha">alpha of the reported score.</param>
    public static Hypothesis Greedy(IStepDecoder decoder, int start, int end, int maxLength, double alpha = DefaultAlpha)
    {
        Check(decoder, start, end, maxLength, 1);
        decoder.Reserve(1);
        decoder.Start(0);
        var logProbabilities = new double[decoder.Size];
        var tokens = new int[maxLength];
        int count = 0, previous = start;
        double logP = 0;
        while (count < maxLength)
        {
            decoder.Step(0, previous, 0, logProbabilities); // s<t> = cell(s<t-1>, y<t-1>) in slot 0, log yHat<t>
            int best = ArgMax(logProbabilities);            // y<t> = argmax yHat<t>
            logP += logProbabilities[best];
            tokens[count++] = previous = best;
            if (best == end)
            {
                break;
            }
        }
        return new Hypothesis(count == maxLength ? tokens : tokens[..count], logP, Normalised(logP, count, alpha));
    }

    /// <summary>
    /// Beam search of width k: at each step every kept partial output is extended by every token, and the k with the
    /// highest log-probability are kept (among equal ones, the first listed partial by partial, token by token); one that
    /// writes the end token is finished. It stops when k outputs are finished or after <paramref name="maxLength"/> steps,
    /// and returns the finished outputs (or, if none finished, the kept ones) best first by the length-normalised score
    /// (equal scores in the order they finished, or were kept). With k = 1 it is greedy decoding. The decoder is given
    /// 2k slots; a step allocates nothing (see <see cref="BeamSearch"/>).
    /// </summary>
    /// <param name="decoder">The decoder.</param>
    /// <param name="start">The start token, fed as y&lt;0&gt;.</param>
    /// <param name="end">The end token.</param>
    /// <param name="maxLength">The most tokens to write, end token included.</param>
    /// <param name="k">The beam width, at least 1.</param>
    /// <param name="alpha">alpha of length normalisation.</param>
    public static IReadOnlyList<Hypothesis> Beam(IStepDecoder decoder, int start, int end, int maxLength, int k, double alpha = DefaultAlpha)
    {
        Check(decoder, start, end, maxLength, k);
        return new BeamSearch(decoder, end, maxLength, k, alpha).Run(start);
    }

    /// <summary>log P / Ty^alpha.</summary>
    public static double Normalised(double logP, int length, double alpha) => logP / CanonicalMath.Exp(alpha * CanonicalMath.Log(Math.Max(1, length)));

    private static int ArgMax(ReadOnlySpan<double> values)
    {
        int best = 0;
        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] > values[best])
            {
                best = i;
            }
        }
        return best;
    }

    private static void Check(IStepDecoder decoder, int start, int end, int maxLength, int k)
    {
        ArgumentNullException.ThrowIfNull(decoder);
        if ((uint)start >= (uint)decoder.Size || (uint)end >= (uint)decoder.Size)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"start token {start} or end token {end} is not in [0, n_y) = [0, {decoder.Size}).");
        }
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLength);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(k);
    }
}
