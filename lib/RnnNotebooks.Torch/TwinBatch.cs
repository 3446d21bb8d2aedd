using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// One batch in torch's layout, shared by every twin: x as (Tx, m, n_x), a&lt;0&gt; (and an LSTM's c&lt;0&gt;) as an (m, n_a)
/// leaf that collects da0 (dc0), the targets and the weights w&lt;t&gt;_j as (Tx, m). It also holds the output layer's loss,
/// so every twin defines L exactly as the core does. Create it inside a torch dispose scope.
/// </summary>
internal sealed class TwinBatch
{
    private readonly RecurrentParameters p;
    private readonly Activation g2;
    private readonly Tensor? classes; // (Tx * m) class indices, for a softmax head
    private readonly Tensor? targets; // (Tx, m, n_y) dense targets, for sigmoid or identity heads
    private readonly Tensor weights;  // (Tx, m): w<t>_j

    private TwinBatch(RecurrentParameters p, Activation g2, Tensor x, Tensor a0, Tensor? c0, Tensor? classes, Tensor? targets, Tensor weights, bool isDense)
    {
        this.p = p;
        this.g2 = g2;
        X = x;
        A0 = a0;
        C0 = c0;
        this.classes = classes;
        this.targets = targets;
        this.weights = weights;
        IsDense = isDense;
    }

    /// <summary>x&lt;1&gt; .. x&lt;Tx&gt;, (Tx, m, n_x) float64; a leaf that collects dx when <see cref="IsDense"/>.</summary>
    public Tensor X { get; }

    /// <summary>a&lt;0&gt;, (m, n_a) float64, a leaf that collects dL/da&lt;0&gt;.</summary>
    public Tensor A0 { get; }

    /// <summary>c&lt;0&gt;, (m, n_a) float64, a leaf that collects dL/dc&lt;0&gt;, for an LSTM; null for other cells.</summary>
    public Tensor? C0 { get; }

    /// <summary>True for dense inputs (dx is computed), false for one-hot inputs.</summary>
    public bool IsDense { get; }

    /// <summary>Checks the inputs against the parameters (c0 only for an LSTM) and builds the tensors.</summary>
    public static TwinBatch Create(RecurrentParameters p, Activation g2, SequenceBatch x, SequenceTargets y, Matrix? a0, Matrix? c0 = null)
    {
        TwinChecks.Inputs(p, g2, x, y, a0, c0);
        int tx = x.Length, m = x.BatchSize;
        var xs = Enumerable.Range(1, tx).Select(x.ToDense).ToList();
        var xTensor = TorchLayout.StepsToTensor(xs, requiresGrad: !x.IsOneHot);
        var a0Tensor = TorchLayout.MatrixToTensorTransposed(a0 ?? new Matrix(p.nA, m), requiresGrad: true);
        var c0Tensor = p.Cell == RecurrentCell.Lstm ? TorchLayout.MatrixToTensorTransposed(c0 ?? new Matrix(p.nA, m), requiresGrad: true) : null;
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
        return new TwinBatch(p, g2, xTensor, a0Tensor, c0Tensor, classes, targets, weights, !x.IsOneHot);
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

    /// <summary>
    /// Copies a&lt;t&gt;, c&lt;t&gt;, yHat, L and the gradients (after loss.backward()) into the core's layout, the parameter
    /// gradients under the core's names (<see cref="RecurrentGradients.Tensors"/>).
    /// </summary>
    /// <param name="a">a&lt;1&gt; .. a&lt;Tx&gt;, (Tx, m, n_a).</param>
    /// <param name="c">c&lt;1&gt; .. c&lt;Tx&gt;, (Tx, m, n_a), for an LSTM; else null.</param>
    /// <param name="yHat">yHat, (Tx, m, n_y).</param>
    /// <param name="loss">L, a scalar.</param>
    /// <param name="dWax">dL/dWax = dL/d weight_ih, (G n_a, n_x).</param>
    /// <param name="dWaa">dL/dWaa = dL/d weight_hh, (G n_a, n_a).</param>
    /// <param name="dBax">dL/dbax = dL/d bias_ih (the RNN's dba), (G n_a).</param>
    /// <param name="dBaa">dL/dbaa = dL/d bias_hh, (G n_a); null for the RNN, which has one bias.</param>
    /// <param name="dWya">dL/dWya, (n_y, n_a).</param>
    /// <param name="dBy">dL/dby, (n_y).</param>
    public TwinOutputs Collect(Tensor a, Tensor? c, Tensor yHat, Tensor loss, Tensor dWax, Tensor dWaa, Tensor dBax, Tensor? dBaa, Tensor dWya, Tensor dBy)
    {
        var g = new RecurrentGradients(p.Cell, p.nX, p.nA, p.nY, (int)X.shape[1]);
        TorchLayout.ToArray(dWax).CopyTo(g.dWax.Data, 0);
        TorchLayout.ToArray(dWaa).CopyTo(g.dWaa.Data, 0);
        TorchLayout.ToArray(dBax).CopyTo(g.dBax, 0);
        if (dBaa is not null)
        {
            TorchLayout.ToArray(dBaa).CopyTo(g.dBaa, 0);
        }
        TorchLayout.ToArray(dWya).CopyTo(g.dWya.Data, 0);
        TorchLayout.ToArray(dBy).CopyTo(g.dBy, 0);
        return new TwinOutputs(
            TorchLayout.TensorToSteps(a),
            c is null ? null : TorchLayout.TensorToSteps(c),
            TorchLayout.TensorToSteps(yHat),
            loss.item<double>(),
            TwinOutputs.Named(g),
            TorchLayout.ToArray(TorchLayout.GradientOf(A0, "a0").t()),
            C0 is null ? null : TorchLayout.ToArray(TorchLayout.GradientOf(C0, "c0").t()),
            IsDense ? TorchLayout.TensorToSteps(TorchLayout.GradientOf(X, "x")) : null);
    }

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
