namespace RnnNotebooks.Tasks;

/// <summary>The bidirectional head: yHat&lt;t&gt; = softmax(Wya [a_fwd&lt;t&gt;; a_bwd&lt;t&gt;] + by), a_bwd from each sample's last real token.</summary>
internal sealed class BidirectionalTagHead(BidirectionalRnn rnn) : ITagHead
{
    private BidirectionalRnnCache? cache;
    private BidirectionalRnnGradients? gradients = new(rnn.Cell, rnn.Sizes.nX, rnn.Sizes.nA, rnn.Sizes.nY, 1);

    public TaggerDirection Direction => TaggerDirection.Bidirectional;

    public (int nX, int nA, int nY) Sizes => rnn.Sizes;

    public RecurrentCell Cell => rnn.Cell;

    public Activation G1 => rnn.G1;

    public IReadOnlyList<ParameterView> Tensors => rnn.Parameters.Tensors;

    public IReadOnlyList<ParameterView> GradientTensors => gradients?.Tensors ?? Zeros(rnn.Parameters.Tensors);

    public IParameterSet Parameters => rnn.Parameters;

    public void Forward(SequenceBatch x, int[] lengths) => cache = rnn.Forward(x, lengths, cache);

    public Matrix YHat(int t) => Cache.YHat(t);

    public Matrix Logits(int t) => Cache.Logits(t);

    public double Loss(SequenceTargets y) => rnn.Loss(Cache, y);

    public IReadOnlyList<Matrix> Backward(SequenceTargets y)
    {
        gradients = rnn.Backward(Cache, y, computeDX: true, gradients);
        return gradients.dX!;
    }

    public IReadOnlyList<Matrix> BackwardFromLogits(IReadOnlyList<Matrix> dZ)
    {
        gradients = rnn.BackwardFromLogits(Cache, dZ, computeDX: true, gradients);
        return gradients.dX!;
    }

    /// <summary>Zero gradients named as the core names them ("forward.Wax" -> "forward.dWax"), one per parameter.</summary>
    private static ParameterView[] Zeros(IReadOnlyList<ParameterView> parameters) => parameters.Select(p =>
    {
        int dot = p.Name.LastIndexOf('.') + 1;
        return p with { Name = p.Name[..dot] + "d" + p.Name[dot..], Values = new double[p.Values.Length] };
    }).ToArray();

    private BidirectionalRnnCache Cache => cache ?? throw new InvalidOperationException("the BiRNN has no forward pass yet: call Forward first.");
}
