namespace RnnNotebooks.Tasks;

/// <summary>
/// A rule beyond the grammar on what <see cref="TokenLanguageModel.Sample"/> may draw next, given the tokens so far: the
/// sampler sets yHat&lt;t&gt;'s other entries to 0 and renormalises (a probability 0 is never drawn).
/// </summary>
public interface ISamplingConstraint
{
    /// <summary>Which token ids may come after <paramref name="tokens"/>: allowed[id], one entry per vocabulary token (id 0 the end).</summary>
    /// <param name="tokens">The tokens so far (without the start), prompt included.</param>
    bool[] Allowed(IReadOnlyList<int> tokens);
}
