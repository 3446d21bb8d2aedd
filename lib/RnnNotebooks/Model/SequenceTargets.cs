namespace RnnNotebooks;

/// <summary>
/// The targets y&lt;1&gt; ... y&lt;Ty&gt; for a batch of m sequences, and optional per-step weights w&lt;t&gt;_j that
/// scale each term of the loss L = sum_t sum_j w&lt;t&gt;_j L&lt;t&gt;(yHat&lt;t&gt;_j, y&lt;t&gt;_j). Weights of 0 mask
/// padding; weights that are 0 except at a sequence's last step give a many-to-one loss.
/// Arrays are 0-based: element [t - 1] is step t.
/// </summary>
public sealed class SequenceTargets
{
    private readonly int[][]? classes;
    private readonly Matrix[]? values;
    private readonly double[][]? weights;

    private SequenceTargets(int m, int[][]? classes, Matrix[]? values, double[][]? weights)
    {
        BatchSize = m;
        this.classes = classes;
        this.values = values;
        this.weights = weights;
        Length = classes?.Length ?? values!.Length;
        if (weights is not null)
        {
            CheckWeights(weights, Length, m);
        }
    }

    /// <summary>Ty: the number of time steps.</summary>
    public int Length { get; }

    /// <summary>m: the number of sequences.</summary>
    public int BatchSize { get; }

    /// <summary>True for class-index targets (cross-entropy with a softmax head).</summary>
    public bool IsClassIndices => classes is not null;

    /// <summary>True when per-step weights (a mask) are set; otherwise every weight is 1.</summary>
    public bool HasWeights => weights is not null;

    /// <summary>Class targets: classes[t - 1][j] is the true class of sample j at step t.</summary>
    /// <param name="classes">Ty arrays of m class indices.</param>
    /// <param name="weights">Optional Ty arrays of m finite, non-negative weights.</param>
    public static SequenceTargets ClassIndices(int[][] classes, double[][]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (classes.Length == 0)
        {
            throw new ArgumentException("classes is an empty sequence (Ty = 0); targets need at least one time step.", nameof(classes));
        }
        int m = classes[0]?.Length ?? 0;
        for (int t = 0; t < classes.Length; t++)
        {
            if (classes[t] is null || classes[t].Length != m || m == 0)
            {
                throw new ArgumentException(
                    $"classes<{t + 1}> (time step t={t + 1}) has {classes[t]?.Length ?? 0} samples; expected m = {Math.Max(m, 1)}.", nameof(classes));
            }
        }
        return new SequenceTargets(m, classes, null, weights);
    }

    /// <summary>Class targets of one sequence (m = 1).</summary>
    public static SequenceTargets ClassIndices(IReadOnlyList<int> sequence)
    {
        ArgumentNullException.ThrowIfNull(sequence);
        return ClassIndices(sequence.Select(c => new[] { c }).ToArray());
    }

    /// <summary>Dense targets (n_y, m) per step, for sigmoid/binary cross-entropy or identity/squared error.</summary>
    /// <param name="y">Ty matrices of equal shape (n_y, m), finite.</param>
    /// <param name="weights">Optional Ty arrays of m finite, non-negative weights.</param>
    public static SequenceTargets Dense(IReadOnlyList<Matrix> y, double[][]? weights = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        if (y.Count == 0)
        {
            throw new ArgumentException("y is an empty sequence (Ty = 0); targets need at least one time step.", nameof(y));
        }
        for (int t = 0; t < y.Count; t++)
        {
            Guard.Shape(y[t], y[0].Rows, y[0].Cols, "y", t + 1, "(n_y, m) of y<1>");
            Guard.Finite(y[t].Data, "y", t + 1, y[0].Cols);
        }
        return new SequenceTargets(y[0].Cols, null, y.ToArray(), weights);
    }

    /// <summary>
    /// Weights for right-padded sequences: w&lt;t&gt;_j = 1 while t &lt;= lengths[j], else 0.
    /// </summary>
    /// <param name="lengths">The true length of each of the m sequences.</param>
    /// <param name="ty">Ty, the padded length.</param>
    public static double[][] Mask(IReadOnlyList<int> lengths, int ty) =>
        StepWeights(lengths, ty, (t, length) => t <= length ? 1.0 : 0.0);

    /// <summary>
    /// Weights for a many-to-one loss: w&lt;t&gt;_j = 1 only at t = lengths[j], the last real step of sample j.
    /// </summary>
    /// <param name="lengths">The true length of each of the m sequences.</param>
    /// <param name="ty">Ty, the padded length.</param>
    public static double[][] LastStepOnly(IReadOnlyList<int> lengths, int ty) =>
        StepWeights(lengths, ty, (t, length) => t == length ? 1.0 : 0.0);

    /// <summary>Class of sample <paramref name="j"/> at 1-based step <paramref name="t"/>.</summary>
    public int Class(int t, int j) => ClassStep(t)[j];

    /// <summary>The m classes at 1-based step <paramref name="t"/>.</summary>
    public ReadOnlySpan<int> ClassStep(int t) =>
        classes is null ? throw new InvalidOperationException("these targets are dense, not class indices") : classes[t - 1];

    /// <summary>y&lt;t&gt; as an (n_y, m) matrix, 1-based <paramref name="t"/> (dense targets only).</summary>
    public Matrix DenseStep(int t) =>
        values is null ? throw new InvalidOperationException("these targets are class indices, not dense values") : values[t - 1];

    /// <summary>Weight w&lt;t&gt;_j (1 when no weights are set).</summary>
    public double Weight(int t, int j) => weights is null ? 1.0 : weights[t - 1][j];

    /// <summary>Steps <paramref name="start"/> .. start + length - 1 (1-based), sharing storage.</summary>
    public SequenceTargets Slice(int start, int length)
    {
        SequenceBatch.CheckSlice(start, length, Length);
        Range r = (start - 1)..(start - 1 + length);
        return new SequenceTargets(BatchSize, classes?[r], values?[r], weights?[r]);
    }

    /// <summary>
    /// Throws unless these targets fit a model with n_y outputs and output activation g2 over Tx steps of m
    /// samples: Ty = Tx, the same m, class indices in [0, n_y) for softmax, (n_y, m) values otherwise.
    /// </summary>
    /// <param name="nY">n_y of the model.</param>
    /// <param name="g2">The model's output activation.</param>
    /// <param name="tx">Tx of the inputs.</param>
    /// <param name="m">m of the inputs.</param>
    public void Validate(int nY, Activation g2, int tx, int m)
    {
        _ = Losses.For(g2); // an unknown g2 throws here rather than passing as a dense head
        if (Length != tx)
        {
            throw new ArgumentException($"targets have Ty = {Length} time steps; expected Ty = Tx = {tx} (one output per input step).", "targets");
        }
        if (BatchSize != m)
        {
            throw new ArgumentException($"targets have m = {BatchSize} samples; the inputs have m = {m}.", "targets");
        }
        if (classes is not null)
        {
            if (g2 != Activation.Softmax)
            {
                throw new ArgumentException($"class-index targets need g2 = Softmax (cross-entropy); this model's g2 is {g2}.", "targets");
            }
            for (int t = 0; t < classes.Length; t++)
            {
                for (int j = 0; j < m; j++)
                {
                    if ((uint)classes[t][j] >= (uint)nY && Weight(t + 1, j) != 0.0)
                    {
                        throw new ArgumentOutOfRangeException("targets",
                            $"y<{t + 1}> (time step t={t + 1}) sample {j} is class {classes[t][j]}; expected an index in [0, n_y) = [0, {nY}).");
                    }
                }
            }
            return;
        }
        if (g2 == Activation.Softmax)
        {
            throw new ArgumentException("a softmax head takes class-index targets (SequenceTargets.ClassIndices), not dense ones.", "targets");
        }
        for (int t = 0; t < values!.Length; t++)
        {
            Guard.Shape(values[t], nY, m, "y", t + 1, "(n_y, m)");
        }
    }

    private static double[][] StepWeights(IReadOnlyList<int> lengths, int ty, Func<int, int, double> weight)
    {
        ArgumentNullException.ThrowIfNull(lengths);
        var w = new double[ty][];
        for (int t = 1; t <= ty; t++)
        {
            w[t - 1] = new double[lengths.Count];
            for (int j = 0; j < lengths.Count; j++)
            {
                if (lengths[j] < 1 || lengths[j] > ty)
                {
                    throw new ArgumentOutOfRangeException(nameof(lengths), $"lengths[{j}] = {lengths[j]}; expected 1..Ty = 1..{ty}.");
                }
                w[t - 1][j] = weight(t, lengths[j]);
            }
        }
        return w;
    }

    private static void CheckWeights(double[][] weights, int ty, int m)
    {
        if (weights.Length != ty)
        {
            throw new ArgumentException($"weights (mask) has {weights.Length} time steps; expected Ty = {ty}.", nameof(weights));
        }
        for (int t = 0; t < ty; t++)
        {
            if (weights[t] is null || weights[t].Length != m)
            {
                throw new ArgumentException(
                    $"weights<{t + 1}> (time step t={t + 1}) has {weights[t]?.Length ?? 0} entries; expected m = {m}.", nameof(weights));
            }
            for (int j = 0; j < m; j++)
            {
                double w = weights[t][j];
                if (!double.IsFinite(w) || w < 0)
                {
                    throw new ArgumentOutOfRangeException(nameof(weights),
                        $"weights<{t + 1}> (time step t={t + 1}) sample {j} is {w}; weights must be finite and >= 0.");
                }
            }
        }
    }
}
