namespace RnnNotebooks.Torch;

/// <summary>A TorchSharp model holding the same weights as an <see cref="Rnn"/>, that reports yHat, L and every gradient.</summary>
public interface IRnnTwin : IDisposable
{
    /// <summary>A short name for reports, e.g. "nn.RNN".</summary>
    string Name { get; }

    /// <summary>Forward, loss and backward through torch autograd, in the core's layout.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense, (n_x, m) each.</param>
    /// <param name="y">Targets y&lt;t&gt; and optional weights w&lt;t&gt;_j, as for <see cref="RecurrentLayer.Loss"/>.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    RnnOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null);
}
