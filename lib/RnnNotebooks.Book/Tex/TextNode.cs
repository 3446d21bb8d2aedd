namespace RnnNotebooks.Book.Tex;

/// <summary>Text inside a formula (<c>&lt;mtext&gt;</c>), from <c>\text{...}</c> and friends.</summary>
/// <param name="Text">The text; white space at either end is kept as no-break spaces.</param>
/// <param name="Style">A CSS declaration for <c>\textbf</c>, <c>\textit</c>, ...; null for plain text.</param>
internal sealed record TextNode(string Text, string? Style = null) : MathNode;
