namespace RnnNotebooks.Tasks;

/// <summary>
/// The sigmoid head over pooled states h_j (<see cref="StatePooling"/>), with its binary cross-entropy:
/// <code>
/// z_j    = Wya h_j + by                   Wya (1, P n_a), by (1)
/// yHat_j = sigmoid(z_j)                   p(positive) of sentence j
/// L      = (1 / m) sum_j [max(z_j, 0) - z_j y_j + log(1 + e^-|z_j|)]   = (1/m) sum_j -y_j log yHat_j - (1 - y_j) log(1 - yHat_j)
/// dz_j   = (yHat_j - y_j) / m,   dWya = sum_j dz_j h_j^T,   dby = sum_j dz_j,   dh_j = Wya^T dz_j
/// </code>
/// </summary>
internal sealed class PooledReadout : IParameterSet
{
    /// <summary>A head over h of <paramref name="width"/> values, zero weights (<see cref="Initialize"/> draws them).</summary>
    /// <param name="width">P n_a.</param>
    public PooledReadout(int width)
    {
        Wya = new Matrix(1, width);
        dWya = new Matrix(1, width);
    }

    /// <summary>Wya, shape (1, P n_a).</summary>
    public Matrix Wya { get; }

    /// <summary>by, shape (1).</summary>
    public double[] By { get; } = new double[1];

    /// <summary>dL/dWya of the last <see cref="Backward"/>, shape (1, P n_a).</summary>
    public Matrix dWya { get; }

    /// <summary>dL/dby, shape (1).</summary>
    public double[] dBy { get; } = new double[1];

    /// <inheritdoc/>
    public IReadOnlyList<ParameterView> Tensors => [new("Wya", Wya.Data, 1, Wya.Cols), new("By", By, 1, 1) { IsVector = true }];

    /// <summary>dWya, dby in the order of <see cref="Tensors"/>.</summary>
    public IReadOnlyList<ParameterView> GradientTensors => [new("dWya", dWya.Data, 1, dWya.Cols), new("dBy", dBy, 1, 1) { IsVector = true }];

    /// <summary>Draws Wya Xavier-uniform from the seed; by = 0.</summary>
    /// <param name="seed">The seed: the same seed gives the same bits.</param>
    public PooledReadout Initialize(int seed)
    {
        Initializers.XavierUniform(Wya, Seeds.Random(seed));
        return this;
    }

    /// <summary>z_j = Wya h_j + by.</summary>
    /// <param name="h">h_j, each of P n_a.</param>
    /// <exception cref="NonFiniteException">z is NaN or infinite (Wya, by or the pooled states are).</exception>
    public double Logit(ReadOnlySpan<double> h)
    {
        double z = Reductions.Dot(Wya.Data, h) + By[0]; // z = Wya h + by
        return double.IsFinite(z) ? z
            : throw new NonFiniteException("z", null, $"the pooled head's logit z = Wya h + by is {z}: Wya, by or the pooled states h (P n_a = {h.Length}) hold NaN or infinity.");
    }

    /// <summary>yHat_j = sigmoid(z_j).</summary>
    /// <param name="h">h_j.</param>
    public double Probability(ReadOnlySpan<double> h) => CanonicalMath.Sigmoid(Logit(h));

    /// <summary>L, the mean binary cross-entropy over the m sentences.</summary>
    /// <param name="h">h_j of each sentence.</param>
    /// <param name="labels">y_j, 0 or 1.</param>
    public double Loss(IReadOnlyList<double[]> h, IReadOnlyList<int> labels)
    {
        double total = 0;
        for (int j = 0; j < h.Count; j++)
        {
            double z = Logit(h[j]);
            total += Math.Max(z, 0) - z * labels[j] + CanonicalMath.Log(1 + CanonicalMath.Exp(-Math.Abs(z))); // stable -log p(y_j)
        }
        return total / h.Count;
    }

    /// <summary>Fills dWya and dby, and returns dL/dh_j.</summary>
    /// <param name="h">h_j of each sentence (of the forward pass whose loss is differentiated).</param>
    /// <param name="labels">y_j, 0 or 1.</param>
    public double[][] Backward(IReadOnlyList<double[]> h, IReadOnlyList<int> labels)
    {
        dWya.Clear();
        dBy[0] = 0;
        var dH = new double[h.Count][];
        for (int j = 0; j < h.Count; j++)
        {
            double dz = (Probability(h[j]) - labels[j]) / h.Count; // dz_j = (yHat_j - y_j) / m
            dBy[0] += dz;
            dH[j] = new double[Wya.Cols];
            for (int k = 0; k < Wya.Cols; k++)
            {
                dWya.Data[k] += dz * h[j][k]; // dWya += dz_j h_j^T
                dH[j][k] = Wya.Data[k] * dz;  // dh_j = Wya^T dz_j
            }
        }
        return dH;
    }
}
