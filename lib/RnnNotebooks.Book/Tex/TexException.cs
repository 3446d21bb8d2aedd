namespace RnnNotebooks.Book.Tex;

/// <summary>Thrown by the tokenizer and parser when the TeX is unsupported or malformed; carries a <see cref="TexError"/>.</summary>
internal sealed class TexException(TexError error) : Exception(error.ToString())
{
    /// <summary>What went wrong, and where.</summary>
    public TexError Error { get; } = error;

    /// <summary>An error at <paramref name="token"/>, naming it.</summary>
    public static TexException At(TexToken token, string reason) => new(new TexError(reason, token.Source, token.Position));
}
