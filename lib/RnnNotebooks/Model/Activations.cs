using System.Numerics;
using System.Numerics.Tensors;

namespace RnnNotebooks;

/// <summary>
/// Applies g1/g2 to a (rows, m) block in place, and multiplies a gradient by g1'(z). Every function is
/// written in terms of its output a = g(z), which is what the forward pass keeps.
/// </summary>
public static class Activations
{
    /// <summary>a = g(z), in place on <paramref name="z"/>, a (rows, m) row-major block.</summary>
    /// <param name="g">The activation.</param>
    /// <param name="z">Pre-activations, overwritten by activations; length rows * m.</param>
    /// <param name="rows">Number of units (n_a or n_y).</param>
    /// <param name="m">Batch size: softmax normalises each of the m columns.</param>
    public static void Apply(Activation g, Span<double> z, int rows, int m)
    {
        switch (g)
        {
            case Activation.Tanh:
                Elementwise.Tanh(z, z); // a = tanh(z), the core's own: the same bits in every lane and on every OS
                break;
            case Activation.Relu:
                TensorPrimitives.Max(z, 0.0, z); // a = max(0, z)
                break;
            case Activation.Sigmoid:
                Elementwise.Sigmoid(z, z); // a = 1 / (1 + e^-z)
                break;
            case Activation.Softmax:
                SoftmaxColumns(z, rows, m);
                break;
            case Activation.Identity:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(g), g, $"g is {g}; expected Tanh, Relu, Sigmoid, Softmax or Identity.");
        }
    }

    /// <summary>Throws unless g1 is an elementwise activation: Tanh, Relu, Sigmoid or Identity.</summary>
    /// <param name="g1">The hidden activation g1.</param>
    internal static void CheckHidden(Activation g1)
    {
        if (g1 == Activation.Softmax)
        {
            throw new ArgumentException("g1 is Softmax; the hidden activation must be elementwise (Tanh or Relu).", nameof(g1));
        }
        if (g1 is not (Activation.Tanh or Activation.Relu or Activation.Sigmoid or Activation.Identity))
        {
            throw new ArgumentOutOfRangeException(nameof(g1), g1, $"g1 is {g1}; expected Tanh, Relu, Sigmoid or Identity.");
        }
    }

    /// <summary>
    /// da ⊙= g'(z), written with a = g(z): tanh' = 1 - a², relu' = [a &gt; 0], sigmoid' = a(1 - a), identity' = 1.
    /// Softmax is not elementwise and is never used as g1.
    /// </summary>
    /// <param name="g">The hidden activation g1.</param>
    /// <param name="a">The activations a = g(z) from the forward pass.</param>
    /// <param name="da">dL/da on entry, dL/dz on exit.</param>
    public static void MultiplyByDerivative(Activation g, ReadOnlySpan<double> a, Span<double> da)
    {
        switch (g)
        {
            case Activation.Tanh:
                TanhDerivative(a, da);
                break;
            case Activation.Relu:
                for (int i = 0; i < da.Length; i++)
                {
                    if (a[i] <= 0.0)
                    {
                        da[i] = 0.0; // relu'(z) = 0 for z <= 0
                    }
                }
                break;
            case Activation.Sigmoid:
                for (int i = 0; i < da.Length; i++)
                {
                    da[i] *= a[i] * (1.0 - a[i]); // sigmoid' = a (1 - a)
                }
                break;
            case Activation.Identity:
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(g), g, $"g1 is {g}; expected Tanh, Relu, Sigmoid or Identity (softmax is an output activation).");
        }
    }

    /// <summary>da ⊙= 1 - a², vectorised.</summary>
    private static void TanhDerivative(ReadOnlySpan<double> a, Span<double> da)
    {
        int i = 0;
        for (; i + Vector<double>.Count <= da.Length; i += Vector<double>.Count)
        {
            var ai = new Vector<double>(a[i..]);
            (new Vector<double>(da[i..]) * (Vector<double>.One - ai * ai)).CopyTo(da[i..]); // tanh'(z) = 1 - tanh(z)^2
        }
        for (; i < da.Length; i++)
        {
            da[i] *= 1.0 - a[i] * a[i];
        }
    }

    /// <summary>
    /// Softmax of each column of a (rows, m) row-major block, vectorised across the batch: yHat_i = e^(z_i - max z) /
    /// sum_k e^(z_k - max z), the sum taken over the rows in order, so a column's numbers are the same whatever m is.
    /// </summary>
    private static void SoftmaxColumns(Span<double> z, int rows, int m)
    {
        if (m == 1)
        {
            SoftmaxColumn(z[..rows]);
            return;
        }
        Span<double> max = m <= 256 ? stackalloc double[m] : new double[m];
        Span<double> sum = m <= 256 ? stackalloc double[m] : new double[m];
        z[..m].CopyTo(max);
        for (int r = 1; r < rows; r++)
        {
            TensorPrimitives.Max(max, z.Slice(r * m, m), max);
        }
        sum.Clear();
        for (int r = 0; r < rows; r++)
        {
            var row = z.Slice(r * m, m);
            TensorPrimitives.Subtract(row, max, row);
            Elementwise.Exp(row, row); // e^(z_i - max) never overflows
            TensorPrimitives.Add(sum, row, sum);
        }
        for (int r = 0; r < rows; r++)
        {
            var row = z.Slice(r * m, m);
            TensorPrimitives.Divide(row, sum, row);
        }
    }

    /// <summary>
    /// The same softmax for one column (m = 1), held contiguously: the same operations in the same order as
    /// <see cref="SoftmaxColumns"/> (the max, e^(z_i - max) by the core's exp, the sum over the rows in order, the
    /// division), with one call per operation instead of one per row.
    /// </summary>
    private static void SoftmaxColumn(Span<double> z)
    {
        double max = z[0];
        for (int i = 1; i < z.Length; i++)
        {
            max = Math.Max(max, z[i]); // NaN propagates, as TensorPrimitives.Max does
        }
        TensorPrimitives.Subtract(z, max, z);
        Elementwise.Exp(z, z); // e^(z_i - max) never overflows
        double sum = 0.0;
        foreach (double e in z)
        {
            sum += e; // sum_k e^(z_k - max), in order of k
        }
        TensorPrimitives.Divide(z, sum, z);
    }
}
