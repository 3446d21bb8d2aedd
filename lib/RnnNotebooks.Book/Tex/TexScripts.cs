namespace RnnNotebooks.Book.Tex;

/// <summary>
/// The scripts after a base: <c>^</c>, <c>_</c>, primes (<c>a'</c>, <c>a''</c>, <c>a'^2</c>), and
/// <c>\limits</c>/<c>\nolimits</c> after a big operator. A second superscript or subscript, or a prime after a
/// superscript, is an error, as in TeX.
/// </summary>
internal sealed class TexScripts(TexParser parser)
{
    private static readonly string[] PrimeMarks = ["′", "″", "‴", "⁗"];

    private MathNode? sub;
    private MathNode? sup;
    private string? primes;

    /// <summary><paramref name="base"/> with the scripts that follow it, or <paramref name="base"/> itself when none do.</summary>
    public MathNode Attach(MathNode @base)
    {
        bool limits = @base.TakesLimits;
        while (true)
        {
            var token = parser.Reader.SkipSpaces();
            switch (token.Kind)
            {
                case TexTokenKind.Superscript:
                    Superscript(token);
                    break;
                case TexTokenKind.Subscript:
                    Subscript(token);
                    break;
                case TexTokenKind.Prime:
                    Primes(token);
                    break;
                case TexTokenKind.Command when token.Text is "limits" or "nolimits":
                    parser.Reader.Next();
                    (@base, limits) = LimitsControl(@base, token);
                    break;
                default:
                    return sub is null && sup is null && primes is null ? @base : new ScriptsNode(@base, sub, sup, limits) { Primes = primes };
            }
        }
    }

    private void Superscript(TexToken token)
    {
        if (sup is not null)
        {
            throw TexException.At(token, "double superscript: group it, e.g. x^{a b}");
        }
        parser.Reader.Next();
        sup = Script(token, "superscript");
    }

    private void Subscript(TexToken token)
    {
        if (sub is not null)
        {
            throw TexException.At(token, "double subscript: group it, e.g. x_{a b}");
        }
        parser.Reader.Next();
        sub = Script(token, "subscript");
    }

    private void Primes(TexToken token)
    {
        if (sup is not null)
        {
            throw TexException.At(token, "a prime after a superscript: write x'^{2}, or x^{\\prime 2}");
        }
        int count = 0;
        while (parser.Reader.Peek.Kind == TexTokenKind.Prime)
        {
            parser.Reader.Next();
            count++;
        }
        var marks = count <= PrimeMarks.Length ? PrimeMarks[count - 1] : string.Concat(Enumerable.Repeat("′", count));
        primes = primes is null ? marks : primes + marks;
    }

    private MathNode Script(TexToken mark, string what)
    {
        var next = parser.Reader.SkipSpaces();
        if (TexParser.IsRowEnd(next) || next.Kind is TexTokenKind.Superscript or TexTokenKind.Subscript or TexTokenKind.Prime)
        {
            throw TexException.At(mark, $"{mark.Text} has no {what}");
        }
        return parser.ParseArgument(mark);
    }

    private static (MathNode Base, bool Limits) LimitsControl(MathNode @base, TexToken token)
    {
        bool below = token.Text == "limits";
        return @base switch
        {
            OperatorNode { LargeOp: true } op => (below ? op with { MovableLimits = false } : op, below),
            FunctionNode function => (below ? function with { FixedLimits = true } : function, below),
            _ => throw TexException.At(token, $"{token.Source} must follow a big operator (\\sum, \\int) or a function such as \\max"),
        };
    }
}
