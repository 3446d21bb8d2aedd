namespace RnnNotebooks.Tasks;

/// <summary>
/// The left-to-right head of any cell: a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba) (or a GRU/LSTM step),
/// yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by).
/// </summary>
internal sealed class RnnTagHead(RecurrentLayer layer) : ITagHead
{
    private RecurrentCache? cache;
    private RecurrentGradients gradients = layer.ZeroGradients();

    public TaggerDirection Direction => TaggerDirection.LeftToRight;

    public RecurrentCell Cell => layer.Cell;

    public (int nX, int nA, int nY) Sizes => layer.Sizes;

    public Activation G1 => layer.G1;

    public IReadOnlyList<ParameterView> Tensors => layer.Parameters.Tensors;

    public IReadOnlyList<ParameterView> GradientTensors => gradients.Tensors;

    public IParameterSet Parameters => layer.Parameters;

    // Padding sits after each sample's real steps, so a<t> of a real step never reads it: lengths are not needed.
    public void Forward(SequenceBatch x, int[] lengths) => cache = layer.Forward(x, null, null, cache);

    public Matrix YHat(int t) => Cache.YHat(t);

    public Matrix Logits(int t) => Cache.Logits(t);

    public double Loss(SequenceTargets y) => layer.Loss(Cache, y);

    public IReadOnlyList<Matrix> Backward(SequenceTargets y)
    {
        gradients = layer.Backward(Cache, y, new BackwardOptions { ComputeDX = true }, gradients);
        return gradients.dX!;
    }

    public IReadOnlyList<Matrix> BackwardFromLogits(IReadOnlyList<Matrix> dZ)
    {
        var c = Cache;
        var a = Enumerable.Range(1, c.Length).Select(c.A).ToArray();
        var dWya = new Matrix(layer.Sizes.nY, layer.Sizes.nA);
        var dBy = new double[layer.Sizes.nY];
        var dA = OutputLayer.Backward(layer.Parameters.Wya, a, dZ, dWya, dBy); // dL/da<t> = Wya^T dz<t>
        gradients = layer.Backward(c, null, new BackwardOptions { dAFromAbove = dA, ComputeDX = true }, gradients);
        dWya.Data.CopyTo(gradients.dWya.Data, 0); // the layer saw no targets: its head's gradients are these
        dBy.CopyTo(gradients.dBy, 0);
        return gradients.dX!;
    }

    private RecurrentCache Cache => cache ?? throw new InvalidOperationException($"the {layer.Cell} layer has no forward pass yet: call Forward first.");
}
