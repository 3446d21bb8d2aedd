namespace RnnNotebooks.Torch;

/// <summary>A TorchSharp model holding the same weights as a core <see cref="RecurrentLayer"/>, that reports a&lt;t&gt;, yHat, L and every gradient.</summary>
public interface ITorchTwin : IDisposable
{
    /// <summary>A short name for reports, e.g. "nn.GRU".</summary>
    string Name { get; }

    /// <summary>Forward, loss and backward through torch autograd, in the core's layout.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense, (n_x, m) each.</param>
    /// <param name="y">Targets y&lt;t&gt; and optional weights w&lt;t&gt;_j, as for <see cref="RecurrentLayer.Loss"/>.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM only), (n_a, m); null for zeros.</param>
    TwinOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null);
}
