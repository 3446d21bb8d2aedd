namespace RnnNotebooks;

/// <summary>
/// A model that reads x&lt;1&gt; .. x&lt;Tx&gt; and writes y&lt;1&gt; .. y&lt;Ty&gt;, Tx and Ty unrelated (the note's many-to-many with
/// Tx != Ty): trained with teacher forcing, the decoder reading the true y&lt;t-1&gt; at step t, and decoded one token at a
/// time by <see cref="SequenceSearch"/>.
/// </summary>
public interface ISequenceToSequence : IParameterSet
{
    /// <summary>n_x, the source vocabulary (inputs are one-hot token ids).</summary>
    int SourceSize { get; }

    /// <summary>n_y, the target vocabulary, which is also the decoder's input vocabulary.</summary>
    int TargetSize { get; }

    /// <summary>The gradients of the last <see cref="LossAndGradients"/>, in the order of <see cref="IParameterSet.Tensors"/>.</summary>
    IReadOnlyList<ParameterView> GradientTensors { get; }

    /// <summary>L = sum_t sum_j w&lt;t&gt;_j (-log yHat&lt;t&gt;[y&lt;t&gt;_j, j]) with teacher forcing.</summary>
    /// <param name="x">The sources: one-hot ids, Tx steps, m samples, all of length Tx (batch sources of equal length).</param>
    /// <param name="yIn">The decoder's inputs y&lt;0&gt; .. y&lt;Ty-1&gt; (the start token, then the target shifted): one-hot ids, Ty steps, m samples.</param>
    /// <param name="y">The targets y&lt;1&gt; .. y&lt;Ty&gt; (class ids), weights 0 on the padding after each target's end token.</param>
    double Loss(SequenceBatch x, SequenceBatch yIn, SequenceTargets y);

    /// <summary><see cref="Loss"/>, then BPTT through the decoder and the encoder into <see cref="GradientTensors"/>.</summary>
    double LossAndGradients(SequenceBatch x, SequenceBatch yIn, SequenceTargets y);

    /// <summary>A step decoder for one source sentence (token ids), for greedy and beam search.</summary>
    IStepDecoder Decoder(IReadOnlyList<int> source);
}
