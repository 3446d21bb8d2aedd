namespace RnnNotebooks.Data;

/// <summary>
/// A text holds a character that a <see cref="CharVocabulary"/> has no index for. The message names the
/// character, its code point and its 0-based position in the text.
/// </summary>
public sealed class UnknownCharacterException : ArgumentException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="character">The character that is not in the vocabulary.</param>
    /// <param name="position">Its 0-based position in the text.</param>
    /// <param name="message">The full message.</param>
    public UnknownCharacterException(char character, int position, string message)
        : base(message, "text")
    {
        Character = character;
        Position = position;
    }

    /// <summary>The character that is not in the vocabulary.</summary>
    public char Character { get; }

    /// <summary>Its 0-based position in the text.</summary>
    public int Position { get; }
}
