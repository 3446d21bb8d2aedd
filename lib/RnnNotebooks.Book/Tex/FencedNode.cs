namespace RnnNotebooks.Book.Tex;

/// <summary>Content between delimiters that grow to fit it: <c>\left( ... \right)</c>, and the brackets of matrices and cases.</summary>
/// <param name="Open">The opening delimiter, or null for <c>\left.</c>.</param>
/// <param name="Content">The content, <c>\middle</c> delimiters included.</param>
/// <param name="Close">The closing delimiter, or null for <c>\right.</c>.</param>
internal sealed record FencedNode(OperatorNode? Open, MathNode Content, OperatorNode? Close) : MathNode
{
    /// <inheritdoc />
    public override AtomClass Class => AtomClass.Inner;
}
