namespace RnnNotebooks;

/// <summary>
/// A decoder that writes one token at a time, for greedy and beam search: from a state and the token written last,
/// the log-probabilities of the next token, log yHat&lt;t&gt;, and the next state. A state is never changed after it is
/// returned, so beam search can extend one state in several ways.
/// </summary>
public interface IStepDecoder
{
    /// <summary>n_y, the number of tokens the decoder can write.</summary>
    int Size { get; }

    /// <summary>The state before the first token: e.g. the decoder's a&lt;0&gt;, the encoder's last state.</summary>
    object Initial { get; }

    /// <summary>One step: log yHat&lt;t&gt; given the state after step t - 1 and y&lt;t-1&gt; (the start token at t = 1).</summary>
    /// <param name="state">The state after step t - 1.</param>
    /// <param name="previous">y&lt;t-1&gt;, the token written at step t - 1.</param>
    /// <returns>log yHat&lt;t&gt; (n_y values) and the state after step t.</returns>
    (double[] LogProbabilities, object Next) Step(object state, int previous);
}
