namespace RnnNotebooks.Book.Tex;

/// <summary>Rows of cells (<c>&lt;mtable&gt;</c>): a matrix, an alignment, cases.</summary>
/// <param name="Rows">The rows; each row's cells, in order (rows may have fewer cells than the widest).</param>
/// <param name="Kind">How the columns align.</param>
internal sealed record TableNode(IReadOnlyList<IReadOnlyList<MathNode>> Rows, TableKind Kind) : MathNode
{
    /// <summary>The number of columns: the widest row's.</summary>
    public int Columns => Rows.Count == 0 ? 0 : Rows.Max(row => row.Count);
}
