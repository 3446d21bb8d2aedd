namespace RnnNotebooks.Book.Tex;

/// <summary>
/// A recursive-descent parser from TeX math to <see cref="MathNode"/>s. A formula is a row of atoms, each atom
/// perhaps with scripts; commands are parsed by <see cref="TexCommands"/>, environments by
/// <see cref="TexEnvironments"/>. Anything unsupported or malformed throws a <see cref="TexException"/> naming
/// the command and where it is.
/// </summary>
internal sealed class TexParser
{
    private TexParser(string tex) => Reader = new TexReader(TexTokenizer.Tokenize(tex));

    /// <summary>The tokens being read.</summary>
    public TexReader Reader { get; }

    /// <summary>The font letters and digits are set in at this point (changed by <c>\mathbf{...}</c> and friends).</summary>
    public MathFont Font { get; private set; } = MathFont.Normal;

    /// <summary>The formula <paramref name="tex"/> as a row of nodes.</summary>
    /// <exception cref="TexException">The TeX is malformed or uses something unsupported.</exception>
    public static RowNode Parse(string tex)
    {
        var parser = new TexParser(tex);
        var row = parser.ParseRow();
        var next = parser.Reader.SkipSpaces();
        return next.Kind == TexTokenKind.End ? row : throw Unexpected(next);
    }

    /// <summary>Atoms up to the next token that ends a row (see <see cref="IsRowEnd"/>) or the character <paramref name="closer"/>.</summary>
    public RowNode ParseRow(string? closer = null)
    {
        var children = new List<MathNode>();
        for (var token = Reader.SkipSpaces(); !IsRowEnd(token) && !IsCharacter(token, closer); token = Reader.SkipSpaces())
        {
            if (ParseScripted() is { } node)
            {
                children.Add(node);
            }
        }
        return new RowNode(children);
    }

    /// <summary>
    /// One argument of a command: a <c>{...}</c> group, or a single token (<c>\frac12</c> takes 1 and 2;
    /// <c>\hat y</c> takes y).
    /// </summary>
    public MathNode ParseArgument(TexToken owner)
    {
        var token = Reader.SkipSpaces();
        if (IsRowEnd(token) || token.Kind is TexTokenKind.Superscript or TexTokenKind.Subscript or TexTokenKind.Prime)
        {
            throw TexException.At(token.Kind == TexTokenKind.End ? owner : token, $"{owner.Source} is missing an argument");
        }
        return token.Kind switch
        {
            TexTokenKind.Letter => Identifier(Reader.Next().Text),
            TexTokenKind.Digit => new NumberNode(MathAlphabets.Map(Reader.Next().Text, Font)),
            _ => ParseAtom() ?? RowNode.Empty,
        };
    }

    /// <summary>An argument parsed with letters and digits in <paramref name="font"/> (<c>\mathbf{...}</c>); one atom comes without its group.</summary>
    public MathNode ParseArgumentInFont(TexToken owner, MathFont font)
    {
        var outer = Font;
        Font = font;
        try
        {
            var argument = ParseArgument(owner);
            return argument is RowNode { Children: [var only] } ? only : argument;
        }
        finally
        {
            Font = outer;
        }
    }

    /// <summary>Consumes the character <paramref name="closer"/> (after white space) that ends the <paramref name="open"/> after <paramref name="opener"/>.</summary>
    public void ExpectCharacter(string open, string closer, TexToken opener)
    {
        var token = Reader.SkipSpaces();
        if (IsCharacter(token, closer))
        {
            Reader.Next();
            return;
        }
        throw token.Kind == TexTokenKind.End
            ? TexException.At(opener, $"the {open} of {opener.Source} is never closed by {closer}")
            : Unexpected(token);
    }

    /// <summary>A letter (or a Greek letter's character) as an identifier in the current font.</summary>
    public IdentifierNode Identifier(string text) => Font switch
    {
        MathFont.Normal => new IdentifierNode(text, Upright: text.Length == 1 && text[0] is >= 'Α' and <= 'Ω'),
        MathFont.Roman => new IdentifierNode(text, Upright: true),
        _ => new IdentifierNode(MathAlphabets.Map(text, Font)),
    };

    /// <summary>True for the tokens that end a row: the end, <c>}</c>, <c>&amp;</c>, <c>\\</c>, <c>\end</c>, <c>\right</c>, <c>\middle</c>.</summary>
    public static bool IsRowEnd(TexToken token) =>
        token.Kind is TexTokenKind.End or TexTokenKind.EndGroup or TexTokenKind.Alignment
        || token.IsCommand("\\") || token.IsCommand("end") || token.IsCommand("right") || token.IsCommand("middle");

    /// <summary>The error for a row-ending token where the construct being parsed cannot end.</summary>
    public static TexException Unexpected(TexToken token) => TexException.At(token, token switch
    {
        { Kind: TexTokenKind.EndGroup } => "unbalanced braces: this } closes no {",
        { Kind: TexTokenKind.Alignment } => "& is only allowed between the cells of an environment (aligned, matrix, cases, ...)",
        _ when token.IsCommand("\\") => "\\\\ (a new line) is only allowed between the rows of an environment (aligned, matrix, cases, ...)",
        _ when token.IsCommand("end") => "\\end without a matching \\begin",
        _ when token.IsCommand("right") => "\\right without a matching \\left",
        _ when token.IsCommand("middle") => "\\middle outside \\left ... \\right",
        _ => $"unexpected {token.Source}",
    });

    private static bool IsCharacter(TexToken token, string? text) =>
        text is not null && token.Kind == TexTokenKind.Other && token.Text == text;

    private MathNode? ParseScripted()
    {
        var start = Reader.Peek.Kind;
        var @base = start is TexTokenKind.Superscript or TexTokenKind.Subscript or TexTokenKind.Prime ? RowNode.Empty : ParseAtom();
        return @base is null ? null : new TexScripts(this).Attach(@base);
    }

    /// <summary>One atom without its scripts; null for commands that produce nothing (<c>\nonumber</c>).</summary>
    private MathNode? ParseAtom()
    {
        var token = Reader.Next();
        return token.Kind switch
        {
            TexTokenKind.Letter => Letters(token),
            TexTokenKind.Digit => Number(token),
            TexTokenKind.BeginGroup => ParseGroup(token),
            TexTokenKind.Other => TexCommands.Character(token),
            TexTokenKind.Tie => new SpaceNode(TexSymbols.Spaces[" "]),
            TexTokenKind.Command => TexCommands.Parse(this, token),
            _ => throw Unexpected(token),
        };
    }

    /// <summary>The rest of a <c>{...}</c> group whose <c>{</c> was <paramref name="open"/>.</summary>
    private RowNode ParseGroup(TexToken open)
    {
        var row = ParseRow();
        var token = Reader.SkipSpaces();
        if (token.Kind == TexTokenKind.EndGroup)
        {
            Reader.Next();
            return row;
        }
        throw token.Kind == TexTokenKind.End
            ? TexException.At(open, "unbalanced braces: this { is never closed")
            : Unexpected(token);
    }

    /// <summary>A letter; in a font other than the default, the whole run of letters as one word (<c>\mathrm{softmax}</c>).</summary>
    private IdentifierNode Letters(TexToken first)
    {
        var text = first.Text;
        while (Font != MathFont.Normal && Reader.SkipSpaces().Kind == TexTokenKind.Letter)
        {
            text += Reader.Next().Text;
        }
        return Identifier(text);
    }

    /// <summary>Digits with at most one decimal point followed by a digit: <c>1.386</c>.</summary>
    private NumberNode Number(TexToken first)
    {
        var text = first.Text + Digits();
        if (IsCharacter(Reader.Peek, ".") && Reader.PeekSecond.Kind == TexTokenKind.Digit)
        {
            Reader.Next();
            text += "." + Digits();
        }
        return new NumberNode(MathAlphabets.Map(text, Font));
    }

    private string Digits()
    {
        var digits = "";
        while (Reader.Peek.Kind == TexTokenKind.Digit)
        {
            digits += Reader.Next().Text;
        }
        return digits;
    }
}
