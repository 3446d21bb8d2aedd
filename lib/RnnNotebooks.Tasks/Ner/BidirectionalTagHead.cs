namespace RnnNotebooks.Tasks;

/// <summary>The bidirectional head: yHat&lt;t&gt; = softmax(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by), a_bwd from each sample's last real token.</summary>
internal sealed class BidirectionalTagHead(BidirectionalRnn rnn) : ITagHead
{
    private BidirectionalRnnCache? cache;
    private BidirectionalRnnGradients gradients = new(rnn.Sizes.nX, rnn.Sizes.nA, rnn.Sizes.nY, 1);

    public TaggerDirection Direction => TaggerDirection.Bidirectional;

    public (int nX, int nA, int nY) Sizes => rnn.Sizes;

    public RecurrentCell Cell => rnn.Cell;

    public Activation G1 => rnn.G1;

    public IReadOnlyList<ParameterView> Tensors => rnn.Parameters.Tensors;

    public IReadOnlyList<ParameterView> GradientTensors => gradients.Tensors;

    public IParameterSet Parameters => rnn.Parameters;

    public void Forward(SequenceBatch x, int[] lengths) => cache = rnn.Forward(x, lengths, cache);

    public Matrix YHat(int t) => Cache.YHat(t);

    public double Loss(SequenceTargets y) => rnn.Loss(Cache, y);

    public IReadOnlyList<Matrix> Backward(SequenceTargets y)
    {
        gradients = rnn.Backward(Cache, y, computeDX: true, gradients);
        return gradients.dX!;
    }

    private BidirectionalRnnCache Cache => cache ?? throw new InvalidOperationException("the BiRNN has no forward pass yet: call Forward first.");
}
