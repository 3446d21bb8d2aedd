namespace RnnNotebooks.Tasks;

/// <summary>What a translator wrote for one input, with how it got there.</summary>
/// <param name="Input">The input text.</param>
/// <param name="Output">The output text (the end token not included).</param>
/// <param name="InputTokens">The input's tokens as the encoder read them (unknown ones as &lt;unk&gt;), the end token last.</param>
/// <param name="OutputTokens">The output's tokens, the end token last when it was written.</param>
/// <param name="Best">The search's best hypothesis: its tokens, log-probability and score.</param>
public sealed record Translation(string Input, string Output, IReadOnlyList<string> InputTokens, IReadOnlyList<string> OutputTokens, Hypothesis Best)
{
    /// <summary>What the output's tokens are: characters, words or subwords.</summary>
    public TokenLevel Level { get; init; } = TokenLevel.Words;

    /// <summary>
    /// What BLEU scores: the output's tokens without the end token, and for subwords the words they make (the output split at
    /// its spaces), so that a subword model is scored on the same words as a word model.
    /// </summary>
    public IReadOnlyList<string> Tokens => Level == TokenLevel.Subwords
        ? Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        : OutputTokens.TakeWhile(t => t != TranslationVocabulary.Specials[TranslationVocabulary.EndId]).ToList();

    /// <summary>An attention model's <see cref="AttentionEncoderDecoder.Alignment"/> of this output; null for a model without attention.</summary>
    internal Func<Matrix>? Alignment { get; init; }

    /// <summary>
    /// alpha&lt;t, t'&gt; for each output step t (rows) and input token t' (columns), the attention model's decoder replayed along
    /// the output; null for a model without attention.
    /// </summary>
    public double[,]? AttentionWeights() => Alignment?.Invoke().ToArray();
}
