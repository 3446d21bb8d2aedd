using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// Moves values between the core's layout (row-major, batch last: a&lt;t&gt; is (n_a, m)) and torch's
/// (time, batch, features: (Tx, m, n_a)). All tensors are float64.
/// </summary>
internal static class TorchLayout
{
    /// <summary>Tx matrices (n, m) to one (Tx, m, n) tensor.</summary>
    public static Tensor StepsToTensor(IReadOnlyList<Matrix> steps, bool requiresGrad)
    {
        int tx = steps.Count, n = steps[0].Rows, m = steps[0].Cols;
        var values = new double[tx * m * n];
        for (int t = 0; t < tx; t++)
        {
            for (int i = 0; i < n; i++)
            {
                for (int j = 0; j < m; j++)
                {
                    values[(t * m + j) * n + i] = steps[t][i, j]; // [t, j, i] = x<t+1>(i, j)
                }
            }
        }
        return torch.tensor(values, [tx, m, n], torch.float64, requires_grad: requiresGrad);
    }

    /// <summary>A (Tx, m, n) tensor to Tx row-major (n, m) arrays.</summary>
    public static double[][] TensorToSteps(Tensor tensor)
    {
        var steps = tensor.permute(0, 2, 1).contiguous(); // (Tx, n, m)
        return Enumerable.Range(0, (int)steps.shape[0]).Select(t => ToArray(steps[t])).ToArray();
    }

    /// <summary>An (n, m) matrix to an (m, n) tensor, e.g. a&lt;0&gt; to torch's h0 layout.</summary>
    public static Tensor MatrixToTensorTransposed(Matrix matrix, bool requiresGrad) =>
        torch.tensor(matrix.Transpose().Data, [matrix.Cols, matrix.Rows], torch.float64, requires_grad: requiresGrad);

    /// <summary>A row-major array to a tensor of the given shape.</summary>
    public static Tensor FromArray(double[] values, params long[] shape) => torch.tensor(values, shape, torch.float64);

    /// <summary>The values of a tensor in row-major order.</summary>
    public static double[] ToArray(Tensor tensor) => tensor.contiguous().data<double>().ToArray();

    /// <summary>The gradient a leaf collected in backward(); throws when none reached it.</summary>
    public static Tensor GradientOf(Tensor leaf, string name) =>
        leaf.grad ?? throw new InvalidOperationException($"no gradient reached {name}: backward() did not run through it.");

    /// <summary>The class of every (t, j) as one (Tx * m) int64 tensor, row t - 1 first: cross_entropy's targets.</summary>
    public static Tensor ClassTensor(SequenceTargets y, int tx, int m)
    {
        var c = new long[tx * m];
        for (int t = 1; t <= tx; t++)
        {
            for (int j = 0; j < m; j++)
            {
                c[(t - 1) * m + j] = y.Class(t, j);
            }
        }
        return torch.tensor(c, torch.int64);
    }
}
