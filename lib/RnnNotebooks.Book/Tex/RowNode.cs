namespace RnnNotebooks.Book.Tex;

/// <summary>A sequence of nodes (<c>&lt;mrow&gt;</c>): a formula, a <c>{...}</c> group, an argument, a table cell.</summary>
/// <param name="Children">The nodes, in order.</param>
internal sealed record RowNode(IReadOnlyList<MathNode> Children) : MathNode
{
    /// <summary>The row with no children, e.g. the base of <c>{}^T</c>.</summary>
    public static RowNode Empty { get; } = new([]);
}
