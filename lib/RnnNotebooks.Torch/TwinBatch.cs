using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// One batch in torch's layout, shared by both twins: x as (Tx, m, n_x), a&lt;0&gt; as an (m, n_a) leaf that
/// collects da0, the targets and the weights w&lt;t&gt;_j as (Tx, m). It also holds the output layer's loss, so
/// both twins define L exactly as the core does. Create it inside a torch dispose scope.
/// </summary>
internal sealed class TwinBatch
{
    private readonly Activation g2;
    private readonly Tensor? classes; // (Tx * m) class indices, for a softmax head
    private readonly Tensor? targets; // (Tx, m, n_y) dense targets, for sigmoid or identity heads
    private readonly Tensor weights;  // (Tx, m): w<t>_j

    private TwinBatch(Activation g2, Tensor x, Tensor a0, Tensor? classes, Tensor? targets, Tensor weights, bool isDense)
    {
        this.g2 = g2;
        X = x;
        A0 = a0;
        this.classes = classes;
        this.targets = targets;
        this.weights = weights;
        IsDense = isDense;
    }

    /// <summary>x&lt;1&gt; .. x&lt;Tx&gt;, (Tx, m, n_x) float64; a leaf that collects dx when <see cref="IsDense"/>.</summary>
    public Tensor X { get; }

    /// <summary>a&lt;0&gt;, (m, n_a) float64, a leaf that collects dL/da&lt;0&gt;.</summary>
    public Tensor A0 { get; }

    /// <summary>True for dense inputs (dx is computed), false for one-hot inputs.</summary>
    public bool IsDense { get; }

    /// <summary>Checks the inputs against the parameters and builds the tensors.</summary>
    public static TwinBatch Create(RecurrentParameters p, Activation g2, SequenceBatch x, SequenceTargets y, Matrix? a0)
    {
        TwinChecks.Inputs(p, g2, x, y, a0);
        return Create(p.nA, g2, x, y, a0);
    }

    /// <summary>Builds the tensors of inputs already checked against a model with n_a hidden units and output activation g2.</summary>
    public static TwinBatch Create(int nA, Activation g2, SequenceBatch x, SequenceTargets y, Matrix? a0)
    {
        int tx = x.Length, m = x.BatchSize;
        var xs = Enumerable.Range(1, tx).Select(x.ToDense).ToList();
        var xTensor = TorchLayout.StepsToTensor(xs, requiresGrad: !x.IsOneHot);
        var a0Tensor = TorchLayout.MatrixToTensorTransposed(a0 ?? new Matrix(nA, m), requiresGrad: true);
        var w = new double[tx * m];
        for (int t = 1; t <= tx; t++)
        {
            for (int j = 0; j < m; j++)
            {
                w[(t - 1) * m + j] = y.Weight(t, j);
            }
        }
        var weights = torch.tensor(w, [tx, m], torch.float64);
        var classes = y.IsClassIndices ? ClassTensor(y, tx, m) : null;
        var targets = y.IsClassIndices ? null : TorchLayout.StepsToTensor(Enumerable.Range(1, tx).Select(y.DenseStep).ToList(), requiresGrad: false);
        return new TwinBatch(g2, xTensor, a0Tensor, classes, targets, weights, !x.IsOneHot);
    }

    /// <summary>yHat = g2(z) and L from the logits z, (Tx, m, n_y).</summary>
    public (Tensor YHat, Tensor Loss) Head(Tensor logits)
    {
        var (yHat, perSample) = g2 switch
        {
            Activation.Softmax => (torch.nn.functional.softmax(logits, -1), CrossEntropy(logits)),
            Activation.Sigmoid => (torch.sigmoid(logits),
                torch.nn.functional.binary_cross_entropy_with_logits(logits, targets!, reduction: torch.nn.Reduction.None).sum(-1)),
            Activation.Identity => (logits, (logits - targets!).square().sum(-1) * 0.5),  // 1/2 sum_i (yHat_i - y_i)^2
            _ => throw new ArgumentOutOfRangeException(nameof(g2), g2, $"g2 is {g2}; expected Softmax, Sigmoid or Identity."),
        };
        return (yHat, (perSample * weights).sum()); // L = sum_t sum_j w<t>_j L<t>_j
    }

    /// <summary>Copies yHat, L and the gradients (after loss.backward()) into the core's layout.</summary>
    public RnnOutputs Collect(Tensor yHat, Tensor loss, Tensor dWaa, Tensor dWax, Tensor dWya, Tensor dBa, Tensor dBy) =>
        new(TorchLayout.TensorToSteps(yHat),
            loss.item<double>(),
            TorchLayout.ToArray(dWaa),
            TorchLayout.ToArray(dWax),
            TorchLayout.ToArray(dWya),
            TorchLayout.ToArray(dBa),
            TorchLayout.ToArray(dBy),
            TorchLayout.ToArray(TorchLayout.GradientOf(A0, "a0").t()),
            IsDense ? TorchLayout.TensorToSteps(TorchLayout.GradientOf(X, "x")) : null);

    /// <summary>-log softmax(z)_c per sample, (Tx, m).</summary>
    private Tensor CrossEntropy(Tensor logits)
    {
        long tx = logits.shape[0], m = logits.shape[1], nY = logits.shape[2];
        var flat = torch.nn.functional.cross_entropy(logits.reshape(tx * m, nY), classes!, reduction: torch.nn.Reduction.None);
        return flat.reshape(tx, m);
    }

    /// <summary>Class indices (Tx * m); a masked-out class (weight 0) may be any number and becomes 0, as its term is multiplied by 0.</summary>
    private static Tensor ClassTensor(SequenceTargets y, int tx, int m)
    {
        var c = new long[tx * m];
        for (int t = 1; t <= tx; t++)
        {
            for (int j = 0; j < m; j++)
            {
                c[(t - 1) * m + j] = y.Weight(t, j) == 0.0 ? 0 : y.Class(t, j);
            }
        }
        return torch.tensor(c, [tx * m], torch.int64);
    }
}
