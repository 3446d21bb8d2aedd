namespace RnnNotebooks.Book.Tex;

/// <summary>Why a formula could not be converted.</summary>
/// <param name="Reason">A sentence for the reader, e.g. <c>unknown command \foo</c>.</param>
/// <param name="Command">The command or character at fault, as written (<c>\foo</c>, <c>{</c>).</param>
/// <param name="Position">Where in the TeX source (0-based character index).</param>
public sealed record TexError(string Reason, string Command, int Position)
{
    /// <summary>The reason with where it happened: <c>unknown command \foo (at character 4)</c>.</summary>
    public override string ToString() => $"{Reason} (at character {Position + 1})";
}
