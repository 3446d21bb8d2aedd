using RnnNotebooks.Exercises;

namespace RnnNotebooks.Exercises.Tests;

/// <summary>Answers as a reader writes them in the notebooks, with loops, and switches for the usual mistakes.</summary>
internal static class Answers
{
    /// <summary>a&lt;t&gt; = tanh(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba), optionally without the recurrent term or the tanh.</summary>
    public static Matrix CellStep(Matrix Waa, Matrix Wax, double[] ba, Matrix aPrev, Matrix x, bool recurrent = true, bool tanh = true)
    {
        var a = new Matrix(Waa.Rows, aPrev.Cols);
        for (int i = 0; i < Waa.Rows; i++)
        {
            for (int j = 0; j < aPrev.Cols; j++)
            {
                double z = ba[i];
                for (int k = 0; k < Waa.Cols && recurrent; k++) z += Waa[i, k] * aPrev[k, j];
                for (int k = 0; k < Wax.Cols; k++) z += Wax[i, k] * x[k, j];
                a[i, j] = tanh ? Math.Tanh(z) : z;
            }
        }
        return a;
    }

    /// <summary>The forward loop over T steps; <paramref name="carry"/> false restarts every step from a&lt;0&gt;.</summary>
    public static Matrix[] ForwardLoop(Matrix Waa, Matrix Wax, double[] ba, Matrix a0, Matrix[] x, bool carry = true)
    {
        var states = new Matrix[x.Length];
        var aPrev = a0;
        for (int t = 1; t <= x.Length; t++)
        {
            states[t - 1] = CellStep(Waa, Wax, ba, aPrev, x[t - 1]);
            if (carry) aPrev = states[t - 1];
        }
        return states;
    }

    /// <summary>One step of BPTT; each switch makes one usual mistake.</summary>
    public static StepGradients BpttStep(Matrix da, Matrix a, Matrix aPrev, Matrix x, Matrix Waa,
        bool slope = true, bool transposeDWaa = false, bool transposeWaa = true)
    {
        int nA = a.Rows, m = a.Cols;
        var dz = new Matrix(nA, m);
        for (int i = 0; i < dz.Data.Length; i++) dz.Data[i] = da.Data[i] * (slope ? 1 - a.Data[i] * a.Data[i] : 1);
        var dzAPrevT = Product(dz, aPrev.Transpose());
        var dWaa = transposeDWaa ? dzAPrevT.Transpose() : dzAPrevT;
        var dWax = Product(dz, x.Transpose());
        var dba = Enumerable.Range(0, nA).Select(i => dz.Row(i).ToArray().Sum()).ToArray();
        var daPrev = Product(transposeWaa ? Waa.Transpose() : Waa, dz);
        return new StepGradients(dz, dWaa, dWax, dba, daPrev);
    }

    /// <summary>dz = softmax(z) - y; <paramref name="softmax"/> false gives z - y.</summary>
    public static Matrix SoftmaxGradient(Matrix z, Matrix y, bool softmax = true)
    {
        var dz = new Matrix(z.Rows, z.Cols);
        for (int j = 0; j < z.Cols; j++)
        {
            var column = z.Column(j);
            double max = column.Max(), sum = column.Sum(v => Math.Exp(v - max));
            for (int i = 0; i < z.Rows; i++)
                dz[i, j] = (softmax ? Math.Exp(z[i, j] - max) / sum : z[i, j]) - y[i, j];
        }
        return dz;
    }

    /// <summary>Clipping by global norm; <paramref name="global"/> false clips each gradient by its own norm.</summary>
    public static Matrix[] Clip(Matrix[] gradients, double maxNorm, bool global = true)
    {
        double total = Math.Sqrt(gradients.Sum(g => g.Data.Sum(v => v * v)));
        foreach (var g in gradients)
        {
            double norm = global ? total : Math.Sqrt(g.Data.Sum(v => v * v));
            if (norm > maxNorm)
                for (int i = 0; i < g.Data.Length; i++) g.Data[i] *= maxNorm / norm;
        }
        return gradients;
    }

    private static Matrix Product(Matrix A, Matrix B)
    {
        var C = new Matrix(A.Rows, B.Cols);
        for (int i = 0; i < A.Rows; i++)
            for (int k = 0; k < A.Cols; k++)
                for (int j = 0; j < B.Cols; j++)
                    C[i, j] += A[i, k] * B[k, j];
        return C;
    }
}
