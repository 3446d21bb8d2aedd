using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>The applications' exercises (notebooks 04-07) as a reader writes them, with loops, and switches for the usual mistakes.</summary>
internal static class SequenceAnswers
{
    /// <summary>dE[:, id] += dx&lt;t&gt;[:, j]; <paramref name="accumulate"/> false writes instead of adding.</summary>
    public static Matrix EmbeddingBackward(int[][] tokens, Matrix[] dx, int V, bool accumulate = true)
    {
        var dE = new Matrix(dx[0].Rows, V);
        for (int t = 0; t < tokens.Length; t++)
            for (int j = 0; j < tokens[t].Length; j++)
                for (int i = 0; i < dE.Rows; i++)
                    dE[i, tokens[t][j]] = (accumulate ? dE[i, tokens[t][j]] : 0) + dx[t][i, j];
        return dE;
    }

    /// <summary>The backward direction's step for step t of a sample of length L; <paramref name="perSample"/> false reverses over Tx.</summary>
    private static int Step(int t, int length, int tx, bool perSample) => perSample ? (t <= length ? length - t + 1 : t) : tx - t + 1;

    /// <summary>h&lt;t&gt; = [a_fwd&lt;t&gt;; a_bwd at step s]; <paramref name="perSample"/> false reverses over Tx.</summary>
    public static Matrix[] BiRnnMerge(Matrix[] aFwd, Matrix[] aBwd, int[] lengths, bool perSample = true)
    {
        int nA = aFwd[0].Rows, m = aFwd[0].Cols, tx = aFwd.Length;
        var h = new Matrix[tx];
        for (int t = 1; t <= tx; t++)
        {
            h[t - 1] = new Matrix(2 * nA, m);
            for (int j = 0; j < m; j++)
                for (int i = 0; i < nA; i++)
                {
                    h[t - 1][i, j] = aFwd[t - 1][i, j];
                    h[t - 1][nA + i, j] = aBwd[Step(t, lengths[j], tx, perSample) - 1][i, j];
                }
        }
        return h;
    }

    /// <summary>The merge's transpose; <paramref name="perSample"/> false reverses over Tx.</summary>
    public static BiRnnSplit BiRnnSplit(Matrix[] dh, int[] lengths, bool perSample = true)
    {
        int nA = dh[0].Rows / 2, m = dh[0].Cols, tx = dh.Length;
        var daFwd = dh.Select(_ => new Matrix(nA, m)).ToArray();
        var daBwd = dh.Select(_ => new Matrix(nA, m)).ToArray();
        for (int t = 1; t <= tx; t++)
            for (int j = 0; j < m; j++)
                for (int i = 0; i < nA; i++)
                {
                    daFwd[t - 1][i, j] = dh[t - 1][i, j];
                    daBwd[Step(t, lengths[j], tx, perSample) - 1][i, j] += dh[t - 1][nA + i, j];
                }
        return new BiRnnSplit(daFwd, daBwd);
    }

    /// <summary>The masked last-step loss; <paramref name="mean"/> false drops 1/m, <paramref name="ownEnd"/> false scores every sample at Tx.</summary>
    public static LastStepLoss LastStepLoss(Matrix[] z, int[] y, int[] lengths, bool mean = true, bool ownEnd = true)
    {
        int tx = z.Length, m = y.Length;
        double w = mean ? 1.0 / m : 1.0, L = 0;
        var dz = z.Select(_ => new Matrix(1, m)).ToArray();
        for (int j = 0; j < m; j++)
        {
            int t = ownEnd ? lengths[j] : tx;
            double p = 1 / (1 + Math.Exp(-z[t - 1][0, j]));
            L -= w * (y[j] * Math.Log(p) + (1 - y[j]) * Math.Log(1 - p));
            dz[t - 1][0, j] = w * (p - y[j]);
        }
        return new LastStepLoss(L, dz);
    }

    /// <summary>One step of additive attention; <paramref name="overInputs"/> false takes the softmax over the batch.</summary>
    public static AttentionStep Attention(Matrix Wd, Matrix We, double[] v, Matrix s, Matrix[] h, bool overInputs = true)
    {
        int tx = h.Length, m = s.Cols, nAtt = v.Length, nH = h[0].Rows;
        var e = new Matrix(tx, m);
        for (int t = 0; t < tx; t++)
            for (int j = 0; j < m; j++)
                for (int i = 0; i < nAtt; i++)
                {
                    double pre = 0;
                    for (int k = 0; k < s.Rows; k++) pre += Wd[i, k] * s[k, j];
                    for (int k = 0; k < nH; k++) pre += We[i, k] * h[t][k, j];
                    e[t, j] += v[i] * Math.Tanh(pre);
                }
        var alpha = new Matrix(tx, m);
        if (overInputs)
            for (int j = 0; j < m; j++)
            {
                double sum = Enumerable.Range(0, tx).Sum(t => Math.Exp(e[t, j]));
                for (int t = 0; t < tx; t++) alpha[t, j] = Math.Exp(e[t, j]) / sum;
            }
        else
            for (int t = 0; t < tx; t++)
            {
                double sum = Enumerable.Range(0, m).Sum(j => Math.Exp(e[t, j]));
                for (int j = 0; j < m; j++) alpha[t, j] = Math.Exp(e[t, j]) / sum;
            }
        var context = new Matrix(nH, m);
        for (int t = 0; t < tx; t++)
            for (int j = 0; j < m; j++)
                for (int k = 0; k < nH; k++) context[k, j] += alpha[t, j] * h[t][k, j];
        return new AttentionStep(e, alpha, context);
    }

    /// <summary>One beam step; <paramref name="hypothesisFirst"/> false lists candidates token by token (ties go to the lower token).</summary>
    public static BeamExtension[] BeamStep(double[] scores, Matrix logProbabilities, bool hypothesisFirst = true)
    {
        int k = scores.Length, nY = logProbabilities.Rows;
        var candidates = new List<BeamExtension>();
        for (int outer = 0; outer < (hypothesisFirst ? k : nY); outer++)
            for (int inner = 0; inner < (hypothesisFirst ? nY : k); inner++)
            {
                var (h, y) = hypothesisFirst ? (outer, inner) : (inner, outer);
                candidates.Add(new BeamExtension(h, y, scores[h] + logProbabilities[y, h]));
            }
        return candidates.OrderByDescending(c => c.Score).Take(k).ToArray(); // a stable sort: the first listed wins a tie
    }

    /// <summary>The inverse-CDF draw from softmax(z / T); <paramref name="temperature"/> false ignores T (but T = 0 is still the argmax).</summary>
    public static int TemperatureSample(double[] z, double T, double u, bool temperature = true)
    {
        if (T == 0) return Array.IndexOf(z, z.Max());
        double tau = temperature ? T : 1, max = z.Max();
        var p = z.Select(v => Math.Exp((v - max) / tau)).ToArray();
        double sum = p.Sum(), cumulative = 0;
        for (int i = 0; i < p.Length; i++)
        {
            cumulative += p[i] / sum;
            if (u < cumulative) return i;
        }
        return p.Length - 1;
    }
}
