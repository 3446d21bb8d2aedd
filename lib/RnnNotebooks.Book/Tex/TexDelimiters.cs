namespace RnnNotebooks.Book.Tex;

/// <summary>Delimiters that grow: <c>\left ... \middle ... \right</c>, and the fixed sizes of <c>\big</c> and friends.</summary>
internal static class TexDelimiters
{
    /// <summary>The rest of <c>\left</c><paramref name="left"/>: the delimiter, the content with any <c>\middle</c>s, <c>\right</c> and its delimiter.</summary>
    public static FencedNode Fenced(TexParser parser, TexToken left)
    {
        var open = Read(parser.Reader, left) is { } o ? Stretchy(o.Text, AtomClass.Open) : null;
        var content = new List<MathNode>();
        while (true)
        {
            content.AddRange(parser.ParseRow().Children);
            var token = parser.Reader.SkipSpaces();
            if (token.IsCommand("middle"))
            {
                parser.Reader.Next();
                if (Read(parser.Reader, token) is { } middle)
                {
                    content.Add(Stretchy(middle.Text, AtomClass.Rel));
                }
            }
            else if (token.IsCommand("right"))
            {
                parser.Reader.Next();
                var close = Read(parser.Reader, token) is { } c ? Stretchy(c.Text, AtomClass.Close) : null;
                return new FencedNode(open, new RowNode(content), close);
            }
            else
            {
                throw token.Kind == TexTokenKind.End
                    ? TexException.At(left, $"\\left{open?.Text ?? "."} is never closed by \\right")
                    : TexParser.Unexpected(token);
            }
        }
    }

    /// <summary>A <c>\big</c>-family delimiter: <paramref name="size"/> high, of <paramref name="kind"/> (null: the delimiter's own class).</summary>
    public static OperatorNode Big(TexParser parser, TexToken token, string size, AtomClass? kind)
    {
        var delimiter = Read(parser.Reader, token) ?? throw TexException.At(token, $"{token.Source}. makes nothing: leave it out");
        return Stretchy(delimiter.Text, kind ?? delimiter.Class) with { Size = size };
    }

    /// <summary>A delimiter that grows with what it encloses, e.g. the brackets of a matrix; opening ones are prefix, closing ones postfix.</summary>
    public static OperatorNode Stretchy(string text, AtomClass kind) => new(text, kind)
    {
        Stretchy = true,
        Form = kind switch
        {
            AtomClass.Open => "prefix",
            AtomClass.Close => "postfix",
            _ => null,
        },
    };

    /// <summary>The delimiter after <paramref name="owner"/> (<c>\left</c>, <c>\right</c>, <c>\big</c>, ...), or null for <c>.</c>.</summary>
    private static (string Text, AtomClass Class)? Read(TexReader reader, TexToken owner)
    {
        var token = reader.SkipSpaces();
        var key = token.Kind == TexTokenKind.Command ? "\\" + token.Text : token.Text;
        if (key == ".")
        {
            reader.Next();
            return null;
        }
        if (!TexSymbols.Delimiters.TryGetValue(key, out var delimiter))
        {
            throw TexException.At(token.Kind == TexTokenKind.End ? owner : token,
                $"{owner.Source} must be followed by a delimiter such as ( [ \\{{ | \\| \\langle or ., not {token.Source}");
        }
        reader.Next();
        return delimiter;
    }
}
