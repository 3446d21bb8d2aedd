namespace RnnNotebooks.Tasks;

/// <summary>Which token may follow which, for <see cref="TokenLanguageModel"/>: by name, so a saved model names its own.</summary>
public static class TokenGrammars
{
    /// <summary>Any token may follow any token.</summary>
    public const string None = "none";

    /// <summary>
    /// Notes as two tokens (<see cref="NoteTokens"/>): after the start or a duration token come a pitch token, a rest or the
    /// end; after a pitch token or a rest comes a duration token.
    /// </summary>
    public const string PitchThenDuration = "pitch-then-duration";

    /// <summary>allowed[previous][next], or null for <see cref="None"/>.</summary>
    /// <exception cref="ArgumentException">An unknown grammar.</exception>
    public static bool[][]? Table(string grammar, TokenVocabulary vocabulary)
    {
        ArgumentNullException.ThrowIfNull(vocabulary);
        return grammar switch
        {
            None => null,
            PitchThenDuration => Enumerable.Range(0, vocabulary.Count).Select(previous =>
                Enumerable.Range(0, vocabulary.Count).Select(next =>
                    NoteTokens.IsDuration(vocabulary[next]) == NoteTokens.StartsNote(vocabulary[previous])).ToArray()).ToArray(),
            _ => throw new ArgumentException($"unknown grammar '{grammar}'; known: {None}, {PitchThenDuration}.", nameof(grammar)),
        };
    }
}
