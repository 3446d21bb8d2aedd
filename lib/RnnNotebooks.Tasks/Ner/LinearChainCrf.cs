namespace RnnNotebooks.Tasks;

/// <summary>
/// A linear-chain conditional random field over the tags (Lample et al. 2016): the tagger's output layer gives emission
/// scores u&lt;t&gt; = Wya a&lt;t&gt; + by (n_y per token, no softmax) and this layer adds a learnt score for each pair of
/// neighbouring tags, so a tag sequence y&lt;1&gt; .. y&lt;T&gt; of one sentence scores
/// <code>
/// s(y)      = start[y&lt;1&gt;] + sum_{t=1..T} u&lt;t&gt;[y&lt;t&gt;] + sum_{t=2..T} A[y&lt;t-1&gt;, y&lt;t&gt;] + end[y&lt;T&gt;]
/// p(y | x)  = exp(s(y)) / Z,     Z = sum over all n_y^T sequences y' of exp(s(y'))
/// L         = -log p(y | x) = log Z - s(y)
/// </code>
/// log Z comes from the forward algorithm in log space, alpha&lt;1&gt;[k] = start[k] + u&lt;1&gt;[k],
/// alpha&lt;t&gt;[k] = u&lt;t&gt;[k] + logsumexp_i(alpha&lt;t-1&gt;[i] + A[i, k]), log Z = logsumexp_k(alpha&lt;T&gt;[k] + end[k]);
/// its gradient from the backward recursion beta and the marginals p(y&lt;t&gt; = k) and p(y&lt;t-1&gt; = i, y&lt;t&gt; = k):
/// dL/du&lt;t&gt;[k] = p(y&lt;t&gt; = k) - [y&lt;t&gt; = k], dL/dA[i, k] = sum_t p(y&lt;t-1&gt; = i, y&lt;t&gt; = k) - count(i -&gt; k).
/// The best sequence, argmax_y s(y), comes from Viterbi (max in place of logsumexp, with back-pointers).
/// exp and log are <see cref="CanonicalMath"/>'s and every sum runs in one fixed order, so the bits are the same on
/// every machine.
/// </summary>
public sealed class LinearChainCrf : IParameterSet
{
    /// <summary>A CRF over <paramref name="nY"/> tags with every transition score 0 (all sequences equally likely before training).</summary>
    /// <param name="nY">n_y, the number of tags, at least 1.</param>
    public LinearChainCrf(int nY)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nY);
        A = new Matrix(nY, nY);
        Start = new double[nY];
        End = new double[nY];
        dA = new Matrix(nY, nY);
        dStart = new double[nY];
        dEnd = new double[nY];
    }

    /// <summary>n_y, the number of tags.</summary>
    public int nY => Start.Length;

    /// <summary>A (n_y, n_y): A[i, k] scores tag k right after tag i.</summary>
    public Matrix A { get; }

    /// <summary>start (n_y): the score of a sentence's first tag.</summary>
    public double[] Start { get; }

    /// <summary>end (n_y): the score of a sentence's last tag.</summary>
    public double[] End { get; }

    /// <summary>dL/dA (n_y, n_y), summed by the last <see cref="Backward"/>.</summary>
    public Matrix dA { get; }

    /// <summary>dL/dstart (n_y).</summary>
    public double[] dStart { get; }

    /// <summary>dL/dend (n_y).</summary>
    public double[] dEnd { get; }

    /// <summary>A, start, end, as optimisers and weight files see them.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
        [new("A", A.Data, nY, nY), new("start", Start, nY, 1) { IsVector = true }, new("end", End, nY, 1) { IsVector = true }];

    /// <summary>dA, dstart, dend, in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors =>
        [new("dA", dA.Data, nY, nY), new("dstart", dStart, nY, 1) { IsVector = true }, new("dend", dEnd, nY, 1) { IsVector = true }];

    /// <summary>s(y), the score of one tag sequence.</summary>
    /// <param name="u">u&lt;t&gt;[k] at [(t - 1) n_y + k]: T steps of n_y emission scores, T &gt;= 1.</param>
    /// <param name="tags">y&lt;1&gt; .. y&lt;T&gt;, each in 0 .. n_y - 1.</param>
    public double Score(ReadOnlySpan<double> u, ReadOnlySpan<int> tags)
    {
        int steps = Steps(u);
        CheckTags(tags, steps);
        double s = Start[tags[0]] + u[tags[0]] + End[tags[steps - 1]];
        for (int t = 1; t < steps; t++)
        {
            s += A[tags[t - 1], tags[t]] + u[t * nY + tags[t]]; // + A[y<t-1>, y<t>] + u<t>[y<t>]
        }
        return s;
    }

    /// <summary>log Z by the forward algorithm: the log of the sum of exp(s(y)) over all n_y^T tag sequences.</summary>
    /// <param name="u">T steps of n_y emission scores, as in <see cref="Score"/>.</param>
    public double LogPartition(ReadOnlySpan<double> u) => Forward(u, new double[u.Length]);

    /// <summary>L = log Z - s(y) = -log p(y | x) of one sentence.</summary>
    /// <param name="u">T steps of n_y emission scores.</param>
    /// <param name="tags">The gold tags y&lt;1&gt; .. y&lt;T&gt;.</param>
    public double Loss(ReadOnlySpan<double> u, ReadOnlySpan<int> tags) => LogPartition(u) - Score(u, tags);

    /// <summary>
    /// L of one sentence and its gradient by forward-backward: adds <paramref name="weight"/> dL/du into
    /// <paramref name="du"/> and <paramref name="weight"/> dL/dA, dL/dstart, dL/dend into <see cref="dA"/>,
    /// <see cref="dStart"/>, <see cref="dEnd"/> (call <see cref="ClearGradients"/> first for a new batch).
    /// </summary>
    /// <param name="u">T steps of n_y emission scores.</param>
    /// <param name="tags">The gold tags.</param>
    /// <param name="weight">What L is multiplied by in the objective, e.g. 1 / (tokens in the batch).</param>
    /// <param name="du">T n_y values, added to.</param>
    /// <returns>L (not weighted).</returns>
    public double Backward(ReadOnlySpan<double> u, ReadOnlySpan<int> tags, double weight, Span<double> du)
    {
        int steps = Steps(u);
        CheckTags(tags, steps);
        if (du.Length != u.Length)
        {
            throw new ArgumentException($"du has {du.Length} values; it must match u ({u.Length} = T {steps} x n_y {nY}).", nameof(du));
        }
        var alpha = new double[u.Length];
        var beta = new double[u.Length];
        double logZ = Forward(u, alpha);
        BackwardScores(u, beta);
        AddMarginals(u, alpha, beta, logZ, weight, du);
        SubtractGold(tags, weight, du);
        return logZ - Score(u, tags);
    }

    /// <summary>Sets dA, dstart and dend to 0.</summary>
    public void ClearGradients()
    {
        dA.Clear();
        Array.Clear(dStart);
        Array.Clear(dEnd);
    }

    /// <summary>Viterbi: the tag sequence of the highest s(y) (the lowest tag id on a tie).</summary>
    /// <param name="u">T steps of n_y emission scores.</param>
    /// <returns>y&lt;1&gt; .. y&lt;T&gt;.</returns>
    public int[] Decode(ReadOnlySpan<double> u)
    {
        int steps = Steps(u), n = nY;
        var delta = new double[n];
        var next = new double[n];
        var from = new int[steps * n];
        for (int k = 0; k < n; k++)
        {
            delta[k] = Start[k] + u[k]; // delta<1>[k] = start[k] + u<1>[k]
        }
        for (int t = 1; t < steps; t++)
        {
            for (int k = 0; k < n; k++)
            {
                int best = 0;
                for (int i = 1; i < n; i++)
                {
                    best = delta[i] + A[i, k] > delta[best] + A[best, k] ? i : best;
                }
                from[t * n + k] = best;
                next[k] = u[t * n + k] + delta[best] + A[best, k]; // delta<t>[k] = u<t>[k] + max_i (delta<t-1>[i] + A[i, k])
            }
            (delta, next) = (next, delta);
        }
        var tags = new int[steps];
        for (int k = 1; k < n; k++)
        {
            tags[steps - 1] = delta[k] + End[k] > delta[tags[steps - 1]] + End[tags[steps - 1]] ? k : tags[steps - 1];
        }
        for (int t = steps - 1; t > 0; t--)
        {
            tags[t - 1] = from[t * n + tags[t]]; // follow the back-pointers
        }
        return tags;
    }

    /// <summary>alpha&lt;t&gt;[k] into <paramref name="alpha"/> (same layout as u); returns log Z.</summary>
    private double Forward(ReadOnlySpan<double> u, Span<double> alpha)
    {
        int steps = Steps(u), n = nY;
        Span<double> terms = stackalloc double[n];
        for (int k = 0; k < n; k++)
        {
            alpha[k] = Start[k] + u[k]; // alpha<1>[k] = start[k] + u<1>[k]
        }
        for (int t = 1; t < steps; t++)
        {
            for (int k = 0; k < n; k++)
            {
                for (int i = 0; i < n; i++)
                {
                    terms[i] = alpha[(t - 1) * n + i] + A[i, k];
                }
                alpha[t * n + k] = u[t * n + k] + LogSumExp(terms); // alpha<t>[k] = u<t>[k] + logsumexp_i(alpha<t-1>[i] + A[i, k])
            }
        }
        for (int k = 0; k < n; k++)
        {
            terms[k] = alpha[(steps - 1) * n + k] + End[k];
        }
        return LogSumExp(terms); // log Z = logsumexp_k(alpha<T>[k] + end[k])
    }

    /// <summary>beta&lt;t&gt;[i], the log of the summed scores of every continuation after tag i at t (end included).</summary>
    private void BackwardScores(ReadOnlySpan<double> u, Span<double> beta)
    {
        int steps = Steps(u), n = nY;
        Span<double> terms = stackalloc double[n];
        for (int k = 0; k < n; k++)
        {
            beta[(steps - 1) * n + k] = End[k]; // beta<T>[k] = end[k]
        }
        for (int t = steps - 2; t >= 0; t--)
        {
            for (int i = 0; i < n; i++)
            {
                for (int k = 0; k < n; k++)
                {
                    terms[k] = A[i, k] + u[(t + 1) * n + k] + beta[(t + 1) * n + k];
                }
                beta[t * n + i] = LogSumExp(terms); // beta<t>[i] = logsumexp_k(A[i, k] + u<t+1>[k] + beta<t+1>[k])
            }
        }
    }

    /// <summary>Adds weight times the marginals: p(y&lt;t&gt; = k) into du, p(y&lt;t-1&gt; = i, y&lt;t&gt; = k) into dA, the first and last into dstart, dend.</summary>
    private void AddMarginals(ReadOnlySpan<double> u, ReadOnlySpan<double> alpha, ReadOnlySpan<double> beta, double logZ, double weight, Span<double> du)
    {
        int steps = Steps(u), n = nY;
        for (int t = 0; t < steps; t++)
        {
            for (int k = 0; k < n; k++)
            {
                double p = CanonicalMath.Exp(alpha[t * n + k] + beta[t * n + k] - logZ); // p(y<t> = k) = exp(alpha + beta - log Z)
                du[t * n + k] += weight * p;
                dStart[k] += t == 0 ? weight * p : 0;
                dEnd[k] += t == steps - 1 ? weight * p : 0;
            }
            for (int i = 0; t > 0 && i < n; i++)
            {
                for (int k = 0; k < n; k++)
                {
                    // p(y<t-1> = i, y<t> = k) = exp(alpha<t-1>[i] + A[i, k] + u<t>[k] + beta<t>[k] - log Z)
                    dA[i, k] += weight * CanonicalMath.Exp(alpha[(t - 1) * n + i] + A[i, k] + u[t * n + k] + beta[t * n + k] - logZ);
                }
            }
        }
    }

    /// <summary>Subtracts weight times the gold sequence's counts: -[y&lt;t&gt; = k] from du, -count(i -&gt; k) from dA.</summary>
    private void SubtractGold(ReadOnlySpan<int> tags, double weight, Span<double> du)
    {
        int steps = tags.Length;
        dStart[tags[0]] -= weight;
        dEnd[tags[steps - 1]] -= weight;
        for (int t = 0; t < steps; t++)
        {
            du[t * nY + tags[t]] -= weight;
            if (t > 0)
            {
                dA[tags[t - 1], tags[t]] -= weight;
            }
        }
    }

    /// <summary>log sum_i exp(x_i) = max + log sum_i exp(x_i - max), summed in index order (never overflows).</summary>
    private static double LogSumExp(ReadOnlySpan<double> x)
    {
        double max = x[0];
        for (int i = 1; i < x.Length; i++)
        {
            max = Math.Max(max, x[i]);
        }
        double sum = 0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += CanonicalMath.Exp(x[i] - max);
        }
        return max + CanonicalMath.Log(sum);
    }

    private int Steps(ReadOnlySpan<double> u)
    {
        if (u.Length == 0 || u.Length % nY != 0)
        {
            throw new ArgumentException($"u has {u.Length} values; it must hold T >= 1 steps of n_y = {nY} emission scores.", nameof(u));
        }
        for (int i = 0; i < u.Length; i++)
        {
            if (!double.IsFinite(u[i]))
            {
                throw new ArgumentException($"u<{i / nY + 1}>[{i % nY}] is {u[i]}: emission scores must be finite.", nameof(u));
            }
        }
        return u.Length / nY;
    }

    private void CheckTags(ReadOnlySpan<int> tags, int steps)
    {
        if (tags.Length != steps)
        {
            throw new ArgumentException($"{tags.Length} tags for T = {steps} steps of emission scores: need one per step.", nameof(tags));
        }
        for (int t = 0; t < steps; t++)
        {
            if ((uint)tags[t] >= (uint)nY)
            {
                throw new ArgumentOutOfRangeException(nameof(tags), tags[t], $"tag at step {t + 1} is {tags[t]}; tags are 0 .. {nY - 1}.");
            }
        }
    }
}
