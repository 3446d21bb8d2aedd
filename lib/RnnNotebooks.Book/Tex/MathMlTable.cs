namespace RnnNotebooks.Book.Tex;

/// <summary>
/// Writes a <see cref="TableNode"/> as <c>&lt;mtable&gt;</c>. Column alignment goes both in <c>columnalign</c>
/// (Firefox, Safari) and in each cell's CSS <c>text-align</c> (Chromium, which implements MathML Core's CSS
/// only); aligned pairs of columns meet with no padding, as TeX's <c>aligned</c> does. Chromium lays a cell's
/// formula out as a block, which <c>text-align: right</c> leaves at the left: a right-aligned cell also says
/// <c>-webkit-right</c>, which moves blocks too (a browser that lacks it keeps <c>right</c>).
/// </summary>
internal sealed class MathMlTable(TableNode table, MathMlWriter writer)
{
    /// <summary>Writes the table.</summary>
    public void Write()
    {
        writer.Append("<mtable" + TableAttributes() + ">");
        foreach (var row in table.Rows)
        {
            writer.Append("<mtr>");
            for (int column = 0; column < row.Count; column++)
            {
                writer.Append("<mtd" + CellStyle(column) + ">");
                writer.WriteRow(CellContent(row[column], column));
                writer.Append("</mtd>");
            }
            writer.Append("</mtr>");
        }
        writer.Append("</mtable>");
    }

    private string TableAttributes()
    {
        var columns = Enumerable.Range(0, table.Columns);
        return table.Kind switch
        {
            TableKind.Aligned => $" displaystyle=\"true\" columnalign=\"{string.Join(" ", columns.Select(c => c % 2 == 0 ? "right" : "left"))}\"",
            TableKind.Cases => $" columnalign=\"{string.Join(" ", columns.Select(_ => "left"))}\"",
            TableKind.Gathered => " displaystyle=\"true\"",
            _ => "",
        };
    }

    private string CellStyle(int column) => (table.Kind, column) switch
    {
        (TableKind.Aligned, _) when column % 2 == 0 => " style=\"text-align: right; text-align: -webkit-right; padding-right: 0\"",
        (TableKind.Aligned, _) => " style=\"text-align: left; padding-left: 0\"",
        (TableKind.Cases, 0) => " style=\"text-align: left\"",
        (TableKind.Cases, _) => " style=\"text-align: left; padding-left: 1em\"",
        _ => "",
    };

    /// <summary>
    /// A cell's atoms. The left-aligned cell of an aligned pair that starts with a relation or operator
    /// (<c>&amp;= b</c>) gets an empty atom first, as amsmath does, so the operator keeps its spacing.
    /// </summary>
    private IReadOnlyList<MathNode> CellContent(MathNode cell, int column)
    {
        var atoms = cell is RowNode row ? row.Children : [cell];
        bool startsWithOperator = atoms.FirstOrDefault(atom => atom is not SpaceNode)?.Class is AtomClass.Rel or AtomClass.Bin;
        return table.Kind == TableKind.Aligned && column % 2 == 1 && startsWithOperator ? [RowNode.Empty, .. atoms] : atoms;
    }
}
