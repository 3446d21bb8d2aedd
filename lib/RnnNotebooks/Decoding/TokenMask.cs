namespace RnnNotebooks;

/// <summary>
/// A decoder that never writes the given tokens: their log yHat&lt;t&gt; is set to minus infinity after each step of the
/// decoder it wraps, so greedy and beam search pick among the others. Its slots are the inner decoder's.
/// </summary>
public sealed class TokenMask : IStepDecoder
{
    private readonly IStepDecoder inner;
    private readonly int[] masked;

    /// <summary>Masks <paramref name="tokens"/> in the steps of <paramref name="inner"/>.</summary>
    /// <param name="inner">The decoder whose steps are masked.</param>
    /// <param name="tokens">The tokens never to write, each in [0, n_y).</param>
    /// <exception cref="ArgumentOutOfRangeException">A token is not in [0, n_y) (the message names it).</exception>
    public TokenMask(IStepDecoder inner, params int[] tokens)
    {
        ArgumentNullException.ThrowIfNull(inner);
        ArgumentNullException.ThrowIfNull(tokens);
        foreach (int token in tokens)
        {
            if ((uint)token >= (uint)inner.Size)
            {
                throw new ArgumentOutOfRangeException(nameof(tokens), $"token {token} to mask is not in [0, n_y) = [0, {inner.Size}).");
            }
        }
        (this.inner, masked) = (inner, (int[])tokens.Clone());
    }

    /// <inheritdoc />
    public int Size => inner.Size;

    /// <inheritdoc />
    public int Slots => inner.Slots;

    /// <inheritdoc />
    public void Reserve(int slots) => inner.Reserve(slots);

    /// <inheritdoc />
    public void Start(int slot) => inner.Start(slot);

    /// <inheritdoc />
    public void Step(int from, int previous, int to, Span<double> logProbabilities)
    {
        inner.Step(from, previous, to, logProbabilities);
        foreach (int token in masked)
        {
            logProbabilities[token] = double.NegativeInfinity; // log yHat<t>[token] = log 0
        }
    }
}
