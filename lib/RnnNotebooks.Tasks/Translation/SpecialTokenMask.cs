using RnnNotebooks;

namespace RnnNotebooks.Tasks;

/// <summary>
/// A decoder that never writes &lt;pad&gt;, &lt;unk&gt; or &lt;s&gt;: their log yHat&lt;t&gt; is set to minus infinity, so greedy and beam
/// search pick among the real tokens and &lt;/s&gt;. A subword translator's targets hold none of the three, so its model gives
/// them almost no probability; the mask makes "never" exact.
/// </summary>
/// <param name="inner">The decoder whose steps are masked.</param>
internal sealed class SpecialTokenMask(IStepDecoder inner) : IStepDecoder
{
    /// <inheritdoc />
    public int Size => inner.Size;

    /// <inheritdoc />
    public object Initial => inner.Initial;

    /// <inheritdoc />
    public (double[] LogProbabilities, object Next) Step(object state, int previous)
    {
        var (logProbabilities, next) = inner.Step(state, previous);
        var masked = (double[])logProbabilities.Clone();
        masked[TranslationVocabulary.PadId] = double.NegativeInfinity;
        masked[TranslationVocabulary.UnknownId] = double.NegativeInfinity;
        masked[TranslationVocabulary.StartId] = double.NegativeInfinity;
        return (masked, next);
    }
}
