namespace RnnNotebooks;

/// <summary>
/// The "standard network" of the note's first section, for comparison with the RNN: one hidden layer
/// over a fixed-width input, h = g1(W1 x + b1), yHat = g2(W2 h + b2). Fed a whole sentence, it needs
/// the sentence padded or cut to a fixed length, and it learns a separate weight for every position.
/// </summary>
public sealed class FeedForwardNet
{
    /// <summary>A network with seeded Xavier weights and zero biases.</summary>
    /// <param name="nIn">Input width (e.g. Tmax * n_x for a padded one-hot sentence).</param>
    /// <param name="nH">Hidden units.</param>
    /// <param name="nOut">Outputs.</param>
    /// <param name="seed">Random seed.</param>
    /// <param name="g1">Hidden activation.</param>
    /// <param name="g2">Output activation; it fixes the loss as for <see cref="Rnn"/>.</param>
    public FeedForwardNet(int nIn, int nH, int nOut, int seed, Activation g1 = Activation.Tanh, Activation g2 = Activation.Softmax)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nIn);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nH);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(nOut);
        Activations.CheckHidden(g1);
        LossKind = Losses.For(g2);
        G1 = g1;
        G2 = g2;
        W1 = new Matrix(nH, nIn);
        W2 = new Matrix(nOut, nH);
        B1 = new double[nH];
        B2 = new double[nOut];
        var random = Seeds.Random(seed);
        Initializers.XavierUniform(W1, random);
        Initializers.XavierUniform(W2, random);
    }

    /// <summary>W1, shape (n_h, n_in).</summary>
    public Matrix W1 { get; }

    /// <summary>W2, shape (n_out, n_h).</summary>
    public Matrix W2 { get; }

    /// <summary>b1, shape (n_h).</summary>
    public double[] B1 { get; }

    /// <summary>b2, shape (n_out).</summary>
    public double[] B2 { get; }

    /// <summary>g1, the hidden activation.</summary>
    public Activation G1 { get; }

    /// <summary>g2, the output activation.</summary>
    public Activation G2 { get; }

    /// <summary>The loss that goes with g2.</summary>
    public LossKind LossKind { get; }

    /// <summary>Number of scalar parameters: it grows with the input width, unlike an RNN's.</summary>
    public int Count => W1.Data.Length + W2.Data.Length + B1.Length + B2.Length;

    /// <summary>W1, b1, W2, b2 with names and shapes.</summary>
    public IReadOnlyList<ParameterView> Tensors =>
    [
        new("W1", W1.Data, W1.Rows, W1.Cols),
        new("B1", B1, B1.Length, 1),
        new("W2", W2.Data, W2.Rows, W2.Cols),
        new("B2", B2, B2.Length, 1),
    ];

    /// <summary>h = g1(W1 x + b1), logits z = W2 h + b2, yHat = g2(z), for x of shape (n_in, m).</summary>
    public (Matrix H, Matrix Logits, Matrix YHat) Forward(Matrix x)
    {
        Guard.Shape(x, W1.Cols, x?.Cols ?? 0, nameof(x), null, "(n_in, m)");
        Guard.Finite(x!.Data, nameof(x), null, x.Cols);
        int m = x.Cols;
        var h = new Matrix(W1.Rows, m);
        Blas.SetBiasPlusProduct(B1, W1, x, h);          // W1 x + b1
        Activations.Apply(G1, h.Data, h.Rows, m);       // h = g1(...)
        var z = new Matrix(W2.Rows, m);
        Blas.SetBiasPlusProduct(B2, W2, h, z);          // z = W2 h + b2
        var yHat = z.Clone();
        Activations.Apply(G2, yHat.Data, yHat.Rows, m); // yHat = g2(z)
        return (h, z, yHat);
    }

    /// <summary>L = sum_j w_j L(yHat_j, y_j), with <paramref name="y"/> holding one step (Ty = 1).</summary>
    public double Loss(Matrix x, SequenceTargets y) => LossAndGradients(x, y, computeGradients: false).Loss;

    /// <summary>The loss and dL/dW1, dL/db1, dL/dW2, dL/db2 (named "dW1" ...), by backpropagation.</summary>
    public (double Loss, IReadOnlyList<ParameterView> Gradients) LossAndGradients(Matrix x, SequenceTargets y) =>
        LossAndGradients(x, y, computeGradients: true);

    private (double Loss, IReadOnlyList<ParameterView> Gradients) LossAndGradients(Matrix x, SequenceTargets y, bool computeGradients)
    {
        ArgumentNullException.ThrowIfNull(y);
        var (h, z, yHat) = Forward(x);
        int m = x.Cols;
        y.Validate(W2.Rows, G2, 1, m);
        double loss = Losses.Step(LossKind, z, yHat, y, 1);
        if (!double.IsFinite(loss))
        {
            throw new NonFiniteException("loss", null, $"the feed-forward loss is {loss}: the logits overflowed.");
        }
        if (!computeGradients)
        {
            return (loss, []);
        }
        var dz = new Matrix(W2.Rows, m);
        Losses.Gradient(yHat, y, 1, dz);                 // dz = w (yHat - y)
        var dW2 = new Matrix(W2.Rows, W2.Cols);
        var db2 = new double[B2.Length];
        Blas.MulAdd(dz, h.Transpose(), dW2);             // dW2 = dz h^T
        Blas.AddRowSums(dz.Data, dz.Rows, m, db2);       // db2 = sum_j dz
        var dh = new Matrix(W1.Rows, m);
        Blas.MulAdd(W2.Transpose(), dz, dh);             // dh = W2^T dz
        Activations.MultiplyByDerivative(G1, h.Data, dh.Data); // dz1 = dh ⊙ g1'
        var dW1 = new Matrix(W1.Rows, W1.Cols);
        var db1 = new double[B1.Length];
        Blas.MulAdd(dh, x.Transpose(), dW1);             // dW1 = dz1 x^T
        Blas.AddRowSums(dh.Data, dh.Rows, m, db1);       // db1 = sum_j dz1
        return (loss,
        [
            new("dW1", dW1.Data, dW1.Rows, dW1.Cols),
            new("dB1", db1, db1.Length, 1),
            new("dW2", dW2.Data, dW2.Rows, dW2.Cols),
            new("dB2", db2, db2.Length, 1),
        ]);
    }
}
