namespace RnnNotebooks.Tasks;

/// <summary>The left-to-right head: a&lt;t&gt; = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba), yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by).</summary>
internal sealed class RnnTagHead(Rnn rnn) : ITagHead
{
    private RnnCache? cache;
    private RnnGradients gradients = new(rnn.Sizes.nX, rnn.Sizes.nA, rnn.Sizes.nY, 1);

    public TaggerDirection Direction => TaggerDirection.LeftToRight;

    public (int nX, int nA, int nY) Sizes => rnn.Sizes;

    public Activation G1 => rnn.G1;

    public IReadOnlyList<ParameterView> Tensors => rnn.Parameters.Tensors;

    public IReadOnlyList<ParameterView> GradientTensors => gradients.Tensors;

    public IParameterSet Parameters => rnn.Parameters;

    // Padding sits after each sample's real steps, so a<t> of a real step never reads it: lengths are not needed.
    public void Forward(SequenceBatch x, int[] lengths) => cache = rnn.Forward(x, null, cache);

    public Matrix YHat(int t) => Cache.YHat(t);

    public double Loss(SequenceTargets y) => rnn.Loss(Cache, y);

    public IReadOnlyList<Matrix> Backward(SequenceTargets y)
    {
        gradients = rnn.Backward(Cache, y, new BackwardOptions { ComputeDX = true }, gradients);
        return gradients.dX!;
    }

    private RnnCache Cache => cache ?? throw new InvalidOperationException("the RNN has no forward pass yet: call Forward first.");
}
