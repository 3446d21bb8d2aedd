namespace RnnNotebooks;

/// <summary>
/// A decoder that writes one token at a time, for greedy and beam search. It holds its states in numbered slots that
/// the search reuses from step to step, so a step allocates nothing: slot &lt;- s&lt;0&gt; (<see cref="Start"/>), then
/// state[to] = cell(state[from], y&lt;t-1&gt;) with log yHat&lt;t&gt; written into the caller's span (<see cref="Step"/>).
/// Beam search extends one state in several ways by stepping from the same slot more than once.
/// </summary>
public interface IStepDecoder
{
    /// <summary>n_y, the number of tokens the decoder can write.</summary>
    int Size { get; }

    /// <summary>How many state slots the decoder holds now, 0 .. Slots - 1.</summary>
    int Slots { get; }

    /// <summary>Makes at least <paramref name="slots"/> slots (once per search: a step never makes one); slots already there keep their states.</summary>
    /// <param name="slots">The number of slots the search will use, at least 1.</param>
    void Reserve(int slots);

    /// <summary>state[slot] &lt;- the state before the first token: e.g. the decoder's s&lt;0&gt;, the encoder's last state.</summary>
    /// <param name="slot">A slot in [0, <see cref="Slots"/>).</param>
    void Start(int slot);

    /// <summary>
    /// One step: state[to] = s&lt;t&gt; = cell(s&lt;t-1&gt; = state[from], y&lt;t-1&gt;), and log yHat&lt;t&gt; into <paramref name="logProbabilities"/>.
    /// <paramref name="from"/> may equal <paramref name="to"/> (the state is then advanced in place); other slots are left as they are.
    /// </summary>
    /// <param name="from">The slot holding the state after step t - 1.</param>
    /// <param name="previous">y&lt;t-1&gt;, the token written at step t - 1 (the start token at t = 1), in [0, n_y).</param>
    /// <param name="to">The slot that receives the state after step t.</param>
    /// <param name="logProbabilities">Written: log yHat&lt;t&gt;, n_y values.</param>
    void Step(int from, int previous, int to, Span<double> logProbabilities);
}
