namespace RnnNotebooks.Book.Tex;

/// <summary>A base with a subscript, a superscript or both (<c>msub</c>/<c>msup</c>/<c>msubsup</c>, or <c>munder</c>/<c>mover</c>/<c>munderover</c> for limits).</summary>
/// <param name="Base">What the scripts attach to (an empty row for <c>{}^T</c>).</param>
/// <param name="Sub">The subscript, or null.</param>
/// <param name="Sup">The superscript after <c>^</c>, or null.</param>
/// <param name="Limits">True to set the scripts below and above the base.</param>
internal sealed record ScriptsNode(MathNode Base, MathNode? Sub, MathNode? Sup, bool Limits) : MathNode
{
    /// <summary>The primes after the base (′, ″, ‴), or null; TeX makes them part of the superscript.</summary>
    public string? Primes { get; init; }

    /// <inheritdoc />
    public override AtomClass Class => Base.Class;
}
