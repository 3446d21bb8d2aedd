using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>GRU and LSTM steps as a reader writes them in notebook 08, with loops, and switches for the usual mistakes.</summary>
internal static class GatedAnswers
{
    /// <summary>W[row, :] v[:, j] + b[row]: one row of a stacked pre-activation.</summary>
    private static double Pre(Matrix W, double[] b, Matrix v, int row, int j)
    {
        double s = b[row];
        for (int k = 0; k < W.Cols; k++) s += W[row, k] * v[k, j];
        return s;
    }

    private static double Sigmoid(double v) => 1 / (1 + Math.Exp(-v));

    /// <summary>The GRU step; <paramref name="reset"/> false leaves r out of n, <paramref name="swapUpdate"/> mixes with z and 1 - z swapped.</summary>
    public static GruStep GruForward(Matrix Wax, Matrix Waa, double[] bax, double[] baa, Matrix aPrev, Matrix x, bool reset = true, bool swapUpdate = false)
    {
        int nA = aPrev.Rows, m = aPrev.Cols;
        var (r, z, n, hn, a) = (new Matrix(nA, m), new Matrix(nA, m), new Matrix(nA, m), new Matrix(nA, m), new Matrix(nA, m));
        for (int i = 0; i < nA; i++)
            for (int j = 0; j < m; j++)
            {
                r[i, j] = Sigmoid(Pre(Wax, bax, x, i, j) + Pre(Waa, baa, aPrev, i, j));
                z[i, j] = Sigmoid(Pre(Wax, bax, x, nA + i, j) + Pre(Waa, baa, aPrev, nA + i, j));
                hn[i, j] = Pre(Waa, baa, aPrev, 2 * nA + i, j);
                n[i, j] = Math.Tanh(Pre(Wax, bax, x, 2 * nA + i, j) + (reset ? r[i, j] : 1) * hn[i, j]);
                double keep = swapUpdate ? 1 - z[i, j] : z[i, j];
                a[i, j] = (1 - keep) * n[i, j] + keep * aPrev[i, j];
            }
        return new GruStep(r, z, n, hn, a);
    }

    /// <summary>The GRU backward step; each switch makes one usual mistake.</summary>
    public static GruStepGradients GruBackward(Matrix da, GruStep s, Matrix aPrev, Matrix x, Matrix Waa,
        bool direct = true, bool resetOnRecurrent = true, bool transposeDWax = false)
    {
        int nA = aPrev.Rows, m = aPrev.Cols;
        var dGx = new Matrix(3 * nA, m);
        var dGa = new Matrix(3 * nA, m);
        var daPrev = new Matrix(nA, m);
        for (int i = 0; i < nA; i++)
            for (int j = 0; j < m; j++)
            {
                double dn = da[i, j] * (1 - s.z[i, j]) * (1 - s.n[i, j] * s.n[i, j]);
                double dz = da[i, j] * (aPrev[i, j] - s.n[i, j]) * s.z[i, j] * (1 - s.z[i, j]);
                double dr = dn * s.hn[i, j] * s.r[i, j] * (1 - s.r[i, j]);
                (dGx[i, j], dGx[nA + i, j], dGx[2 * nA + i, j]) = (dr, dz, dn);
                (dGa[i, j], dGa[nA + i, j], dGa[2 * nA + i, j]) = (dr, dz, resetOnRecurrent ? dn * s.r[i, j] : dn);
                if (direct) daPrev[i, j] = da[i, j] * s.z[i, j];
            }
        var (dWax, dWaa, dbax, dbaa) = Weights(dGx, dGa, x, aPrev, Waa, daPrev);
        return new GruStepGradients(transposeDWax ? dWax.Transpose() : dWax, dWaa, dbax, dbaa, daPrev);
    }

    /// <summary>The LSTM step; <paramref name="carry"/> false drops f ⊙ c&lt;t-1&gt;, <paramref name="tanhC"/> false gives a = o ⊙ c.</summary>
    public static LstmStep LstmForward(Matrix Wax, Matrix Waa, double[] bax, double[] baa, Matrix aPrev, Matrix cPrev, Matrix x, bool carry = true, bool tanhC = true)
    {
        int nA = aPrev.Rows, m = aPrev.Cols;
        var v = Enumerable.Range(0, 6).Select(_ => new Matrix(nA, m)).ToArray(); // i, f, g, o, c, a
        for (int i = 0; i < nA; i++)
            for (int j = 0; j < m; j++)
            {
                double Gate(int block) => Pre(Wax, bax, x, block * nA + i, j) + Pre(Waa, baa, aPrev, block * nA + i, j);
                var (ig, fg, gg, og) = (Sigmoid(Gate(0)), Sigmoid(Gate(1)), Math.Tanh(Gate(2)), Sigmoid(Gate(3)));
                double c = (carry ? fg * cPrev[i, j] : 0) + ig * gg;
                (v[0][i, j], v[1][i, j], v[2][i, j], v[3][i, j], v[4][i, j]) = (ig, fg, gg, og, c);
                v[5][i, j] = og * (tanhC ? Math.Tanh(c) : c);
            }
        return new LstmStep(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    /// <summary>The LSTM backward step; <paramref name="carry"/> false drops dc, <paramref name="forget"/> false gives dc&lt;t-1&gt; = dc&lt;t&gt;.</summary>
    public static LstmStepGradients LstmBackward(Matrix da, Matrix dc, LstmStep s, Matrix aPrev, Matrix cPrev, Matrix x, Matrix Waa,
        bool carry = true, bool forget = true)
    {
        int nA = aPrev.Rows, m = aPrev.Cols;
        var dG = new Matrix(4 * nA, m);
        var dcPrev = new Matrix(nA, m);
        for (int i = 0; i < nA; i++)
            for (int j = 0; j < m; j++)
            {
                double t = Math.Tanh(s.c[i, j]);
                double dct = (carry ? dc[i, j] : 0) + da[i, j] * s.o[i, j] * (1 - t * t);
                dG[i, j] = dct * s.g[i, j] * s.i[i, j] * (1 - s.i[i, j]);
                dG[nA + i, j] = dct * cPrev[i, j] * s.f[i, j] * (1 - s.f[i, j]);
                dG[2 * nA + i, j] = dct * s.i[i, j] * (1 - s.g[i, j] * s.g[i, j]);
                dG[3 * nA + i, j] = da[i, j] * t * s.o[i, j] * (1 - s.o[i, j]);
                dcPrev[i, j] = forget ? dct * s.f[i, j] : dct;
            }
        var daPrev = new Matrix(nA, m);
        var (dWax, dWaa, dbax, dbaa) = Weights(dG, dG, x, aPrev, Waa, daPrev);
        return new LstmStepGradients(dWax, dWaa, dbax, dbaa, daPrev, dcPrev);
    }

    /// <summary>dWax = dGx xᵀ, dWaa = dGa a&lt;t-1&gt;ᵀ, the biases' row sums, and daPrev += Waaᵀ dGa, summed over the batch.</summary>
    private static (Matrix dWax, Matrix dWaa, double[] dbax, double[] dbaa) Weights(Matrix dGx, Matrix dGa, Matrix x, Matrix aPrev, Matrix Waa, Matrix daPrev)
    {
        int rows = dGx.Rows, nX = x.Rows, nA = aPrev.Rows, m = x.Cols;
        var (dWax, dWaa, dbax, dbaa) = (new Matrix(rows, nX), new Matrix(rows, nA), new double[rows], new double[rows]);
        for (int g = 0; g < rows; g++)
            for (int j = 0; j < m; j++)
            {
                for (int k = 0; k < nX; k++) dWax[g, k] += dGx[g, j] * x[k, j];
                for (int k = 0; k < nA; k++) dWaa[g, k] += dGa[g, j] * aPrev[k, j];
                for (int k = 0; k < nA; k++) daPrev[k, j] += Waa[g, k] * dGa[g, j];
                dbax[g] += dGx[g, j];
                dbaa[g] += dGa[g, j];
            }
        return (dWax, dWaa, dbax, dbaa);
    }
}
