namespace RnnNotebooks.Book.Tex;

/// <summary>
/// What each command makes: symbols from <see cref="TexSymbols"/>, and the structures (fractions, roots,
/// <c>\left...\right</c>, fonts, text, accents, braces, environments, colours). An unknown command is an error
/// that names it.
/// </summary>
internal static class TexCommands
{
    private static readonly Dictionary<string, MathFont> Fonts = new()
    {
        ["mathbf"] = MathFont.Bold, ["mathrm"] = MathFont.Roman, ["mathit"] = MathFont.Italic,
        ["mathnormal"] = MathFont.Normal, ["boldsymbol"] = MathFont.BoldItalic, ["bm"] = MathFont.BoldItalic,
        ["mathbb"] = MathFont.DoubleStruck, ["mathcal"] = MathFont.Script, ["mathscr"] = MathFont.Script,
        ["mathfrak"] = MathFont.Fraktur, ["mathsf"] = MathFont.SansSerif, ["mathtt"] = MathFont.Monospace,
    };

    private static readonly Dictionary<string, string?> TextStyles = new()
    {
        ["text"] = null, ["textrm"] = null, ["textnormal"] = null, ["textup"] = null, ["mbox"] = null,
        ["textbf"] = "font-weight: bold", ["textit"] = "font-style: italic", ["emph"] = "font-style: italic",
        ["textsf"] = "font-family: sans-serif", ["texttt"] = "font-family: monospace",
    };

    /// <summary>The heights of <c>\big</c>, <c>\Big</c>, <c>\bigg</c>, <c>\Bigg</c> delimiters.</summary>
    private static readonly Dictionary<string, string> BigSizes = new()
    {
        ["big"] = "1.2em", ["Big"] = "1.8em", ["bigg"] = "2.4em", ["Bigg"] = "3em",
    };

    private static readonly Dictionary<string, Func<TexParser, TexToken, MathNode?>> Structures = new()
    {
        ["frac"] = (parser, token) => Fraction(parser, token, null),
        ["dfrac"] = (parser, token) => Fraction(parser, token, true),
        ["tfrac"] = (parser, token) => Fraction(parser, token, false),
        ["binom"] = Binomial,
        ["sqrt"] = Root,
        ["left"] = TexDelimiters.Fenced,
        ["operatorname"] = OperatorName,
        ["underbrace"] = (parser, token) => new AccentNode(parser.ParseArgument(token), "⏟", Under: true, Stretchy: true) { Brace = true },
        ["overbrace"] = (parser, token) => new AccentNode(parser.ParseArgument(token), "⏞", Under: false, Stretchy: true) { Brace = true },
        ["overline"] = (parser, token) => new OverlineNode(parser.ParseArgument(token)),
        ["overset"] = (parser, token) => Stack(parser, token, over: true),
        ["stackrel"] = (parser, token) => Stack(parser, token, over: true),
        ["underset"] = (parser, token) => Stack(parser, token, over: false),
        ["begin"] = TexEnvironments.Parse,
        ["color"] = Color,
        ["textcolor"] = TextColor,
        ["displaystyle"] = (parser, _) => new StyleNode(parser.ParseRow()) { DisplayStyle = true },
        ["textstyle"] = (parser, _) => new StyleNode(parser.ParseRow()) { DisplayStyle = false },
        ["nonumber"] = (_, _) => null,
        ["notag"] = (_, _) => null,
        ["limits"] = LimitsOutOfPlace,
        ["nolimits"] = LimitsOutOfPlace,
    };

    /// <summary>The node for the command <paramref name="token"/>, reading its arguments; null when it makes nothing.</summary>
    public static MathNode? Parse(TexParser parser, TexToken token)
    {
        var name = token.Text;
        return Symbol(parser, name)
            ?? (Fonts.TryGetValue(name, out var font) ? parser.ParseArgumentInFont(token, font)
            : TextStyles.TryGetValue(name, out var style) ? new TextNode(TexText.Read(parser.Reader, token), style)
            : TexSymbols.Accents.TryGetValue(name, out var accent) ? new AccentNode(parser.ParseArgument(token), accent.Mark, accent.Under, accent.Stretchy)
            : BigSize(name) is { } big ? TexDelimiters.Big(parser, token, big.Size, big.Class)
            : Structures.TryGetValue(name, out var parse) ? parse(parser, token)
            : throw TexException.At(token, TexSymbols.Unsupported.GetValueOrDefault(name) ?? $"unknown command {token.Source}"));
    }

    /// <summary>A character that is not a letter or digit: an operator, a delimiter, punctuation, or a symbol typed in Unicode.</summary>
    public static MathNode Character(TexToken token)
    {
        var text = token.Text;
        if (TexSymbols.Characters.TryGetValue(text, out var symbol))
        {
            return TexSymbols.Operator(symbol.Text, symbol.Class);
        }
        if (TexSymbols.LargeOperators.Values.FirstOrDefault(op => op.Text == text) is { Text: not null } large)
        {
            return new OperatorNode(text, AtomClass.Op) { LargeOp = true, MovableLimits = large.MovableLimits };
        }
        return text switch
        {
            "$" => throw TexException.At(token, "$ inside a formula: its $ delimiters do not pair up (write \\$ for a dollar sign)"),
            "#" => throw TexException.At(token, "# is TeX's macro parameter: write \\# for the character"),
            _ when TexSymbols.ClassOf(text) is var kind and not AtomClass.Ord => TexSymbols.Operator(text, kind),
            _ => new IdentifierNode(text),
        };
    }

    /// <summary>A named symbol: Greek, ordinary, operator, delimiter, big operator, function or space; null when the name is none of these.</summary>
    private static MathNode? Symbol(TexParser parser, string name)
    {
        if (TexSymbols.Greek.TryGetValue(name, out var greek))
        {
            return parser.Identifier(greek);
        }
        if (TexSymbols.Ordinary.TryGetValue(name, out var ordinary))
        {
            return new IdentifierNode(ordinary.Text, ordinary.Upright);
        }
        if (TexSymbols.Operators.TryGetValue(name, out var op) || TexSymbols.Delimiters.TryGetValue("\\" + name, out op))
        {
            return TexSymbols.Operator(op.Text, op.Class);
        }
        if (TexSymbols.LargeOperators.TryGetValue(name, out var large))
        {
            return new OperatorNode(large.Text, AtomClass.Op) { LargeOp = true, MovableLimits = large.MovableLimits };
        }
        if (TexSymbols.Functions.TryGetValue(name, out var function))
        {
            return new FunctionNode(function.Name, function.Limits);
        }
        return TexSymbols.Spaces.TryGetValue(name, out var em) ? new SpaceNode(em) : null;
    }

    /// <summary><c>\big</c> <c>\Bigl</c> <c>\biggr</c> <c>\Biggm</c> ...: the height, and the class the suffix gives (none: the delimiter's own).</summary>
    private static (string Size, AtomClass? Class)? BigSize(string name)
    {
        var stem = name.TrimEnd('l', 'r', 'm');
        if (!BigSizes.TryGetValue(stem, out var size) || name.Length - stem.Length > 1)
        {
            return null;
        }
        AtomClass? kind = name[stem.Length..] switch
        {
            "l" => AtomClass.Open,
            "r" => AtomClass.Close,
            "m" => AtomClass.Rel,
            _ => null,
        };
        return (size, kind);
    }

    private static FractionNode Fraction(TexParser parser, TexToken token, bool? display) =>
        new(parser.ParseArgument(token), parser.ParseArgument(token)) { DisplayStyle = display };

    private static FencedNode Binomial(TexParser parser, TexToken token) =>
        new(TexDelimiters.Stretchy("(", AtomClass.Open),
            new FractionNode(parser.ParseArgument(token), parser.ParseArgument(token)) { NoBar = true },
            TexDelimiters.Stretchy(")", AtomClass.Close));

    private static RootNode Root(TexParser parser, TexToken token)
    {
        MathNode? index = null;
        if (parser.Reader.Accept("["))
        {
            index = parser.ParseRow(closer: "]");
            parser.ExpectCharacter("[", "]", token);
        }
        return new RootNode(parser.ParseArgument(token), index);
    }

    private static FunctionNode OperatorName(TexParser parser, TexToken token)
    {
        bool limits = parser.Reader.Accept("*");
        var name = TexText.Read(parser.Reader, token).Trim();
        return name.Length > 0 ? new FunctionNode(name, limits) : throw TexException.At(token, "\\operatorname{} has no name");
    }

    private static ScriptsNode Stack(TexParser parser, TexToken token, bool over)
    {
        var mark = parser.ParseArgument(token);
        var @base = parser.ParseArgument(token);
        return new ScriptsNode(@base, over ? null : mark, over ? mark : null, Limits: true);
    }

    /// <summary><c>\color{c}</c> colours the rest of its group.</summary>
    private static StyleNode Color(TexParser parser, TexToken token)
    {
        var color = TexText.ReadColor(parser.Reader, token);
        return new StyleNode(parser.ParseRow()) { Color = color };
    }

    private static StyleNode TextColor(TexParser parser, TexToken token)
    {
        var color = TexText.ReadColor(parser.Reader, token);
        return new StyleNode(parser.ParseArgument(token)) { Color = color };
    }

    private static MathNode LimitsOutOfPlace(TexParser parser, TexToken token) =>
        throw TexException.At(token, $"{token.Source} must follow a big operator (\\sum, \\int) or a function such as \\max");
}
