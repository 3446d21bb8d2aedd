namespace RnnNotebooks.Book.Tex;

/// <summary>
/// <c>\begin{name} ... \end{name}</c>: matrices (with their brackets), alignments, cases, gathered lines, and
/// <c>equation</c> (its content as it is). Cells are separated by <c>&amp;</c>, rows by <c>\\</c> (an optional
/// spacing such as <c>\\[4pt]</c> is accepted and ignored).
/// </summary>
internal static class TexEnvironments
{
    private static readonly Dictionary<string, (TableKind Kind, string? Open, string? Close)> Tables = new()
    {
        ["matrix"] = (TableKind.Matrix, null, null),
        ["pmatrix"] = (TableKind.Matrix, "(", ")"),
        ["bmatrix"] = (TableKind.Matrix, "[", "]"),
        ["Bmatrix"] = (TableKind.Matrix, "{", "}"),
        ["vmatrix"] = (TableKind.Matrix, "|", "|"),
        ["Vmatrix"] = (TableKind.Matrix, "‖", "‖"),
        ["cases"] = (TableKind.Cases, "{", null),
        ["aligned"] = (TableKind.Aligned, null, null),
        ["align"] = (TableKind.Aligned, null, null),
        ["align*"] = (TableKind.Aligned, null, null),
        ["split"] = (TableKind.Aligned, null, null),
        ["gathered"] = (TableKind.Gathered, null, null),
        ["gather"] = (TableKind.Gathered, null, null),
        ["gather*"] = (TableKind.Gathered, null, null),
    };

    /// <summary>The names accepted, for the error on any other.</summary>
    public static IEnumerable<string> Names => Tables.Keys.Append("equation").Append("equation*");

    /// <summary>The environment begun by <paramref name="begin"/>, up to and including its <c>\end</c>.</summary>
    public static MathNode Parse(TexParser parser, TexToken begin)
    {
        var name = TexText.ReadName(parser.Reader, begin);
        if (name is "equation" or "equation*")
        {
            var content = parser.ParseRow();
            End(parser, begin, name);
            return content;
        }
        if (!Tables.TryGetValue(name, out var table))
        {
            throw TexException.At(begin, $"environment {name} is not supported (supported: {string.Join(", ", Names)})");
        }
        var node = new TableNode(Rows(parser, begin, name), table.Kind);
        return table.Open is null && table.Close is null
            ? node
            : new FencedNode(Delimiter(table.Open, AtomClass.Open), node, Delimiter(table.Close, AtomClass.Close));
    }

    private static OperatorNode? Delimiter(string? text, AtomClass kind) =>
        text is null ? null : TexDelimiters.Stretchy(text, kind);

    private static List<IReadOnlyList<MathNode>> Rows(TexParser parser, TexToken begin, string name)
    {
        var rows = new List<IReadOnlyList<MathNode>>();
        var cells = new List<MathNode>();
        while (true)
        {
            cells.Add(parser.ParseRow());
            var token = parser.Reader.SkipSpaces();
            parser.Reader.Next();
            if (token.IsCommand("\\"))
            {
                SkipRowSpacing(parser);
                rows.Add(cells);
                cells = [];
            }
            else if (token.IsCommand("end"))
            {
                CheckEnd(parser, token, begin, name);
                rows.Add(cells);
                return DropLastEmptyRow(rows);
            }
            else if (token.Kind != TexTokenKind.Alignment)
            {
                throw Unclosed(token, begin, name);
            }
        }
    }

    /// <summary>The <c>\end{name}</c> after an environment's content.</summary>
    private static void End(TexParser parser, TexToken begin, string name)
    {
        var token = parser.Reader.SkipSpaces();
        parser.Reader.Next();
        if (!token.IsCommand("end"))
        {
            throw Unclosed(token, begin, name);
        }
        CheckEnd(parser, token, begin, name);
    }

    private static void CheckEnd(TexParser parser, TexToken end, TexToken begin, string name)
    {
        var ended = TexText.ReadName(parser.Reader, end);
        if (ended != name)
        {
            throw TexException.At(end, $"\\begin{{{name}}} at character {begin.Position + 1} is ended by \\end{{{ended}}}");
        }
    }

    private static TexException Unclosed(TexToken token, TexToken begin, string name) =>
        token.Kind == TexTokenKind.End
            ? TexException.At(begin, $"\\begin{{{name}}} is never closed by \\end{{{name}}}")
            : TexParser.Unexpected(token);

    /// <summary><c>\\[4pt]</c>: the spacing right after <c>\\</c> is accepted and not drawn.</summary>
    private static void SkipRowSpacing(TexParser parser)
    {
        if (parser.Reader.Peek is { Kind: TexTokenKind.Other, Text: "[" })
        {
            while (parser.Reader.Next() is { Kind: not TexTokenKind.End, Text: not "]" })
            {
            }
        }
    }

    /// <summary>A <c>\\</c> before <c>\end</c> leaves an empty last row, which TeX does not draw.</summary>
    private static List<IReadOnlyList<MathNode>> DropLastEmptyRow(List<IReadOnlyList<MathNode>> rows)
    {
        if (rows.Count > 1 && rows[^1] is [RowNode { Children.Count: 0 }])
        {
            rows.RemoveAt(rows.Count - 1);
        }
        return rows;
    }
}
