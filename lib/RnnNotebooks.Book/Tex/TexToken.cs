namespace RnnNotebooks.Book.Tex;

/// <summary>One token of TeX source.</summary>
/// <param name="Kind">What it is.</param>
/// <param name="Text">The command's name without the backslash, or the character(s).</param>
/// <param name="Position">Where it starts in the source (0-based character index).</param>
internal readonly record struct TexToken(TexTokenKind Kind, string Text, int Position)
{
    /// <summary>True for the command <c>\</c><paramref name="name"/>.</summary>
    public bool IsCommand(string name) => Kind == TexTokenKind.Command && Text == name;

    /// <summary>The token as it reads in the source, e.g. <c>\frac</c>, <c>{</c>, <c>x</c>.</summary>
    public string Source => Kind switch
    {
        TexTokenKind.Command => "\\" + Text,
        TexTokenKind.End => "the end of the formula",
        _ => Text,
    };
}
