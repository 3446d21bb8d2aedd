using System.Globalization;
using System.Text;

namespace RnnNotebooks.Book.Tex;

/// <summary>
/// Writes <see cref="MathNode"/>s as MathML Core, which Chromium, Firefox and Safari draw with no script.
/// Besides the elements, it places the spaces TeX puts between atoms that the browser's operator dictionary
/// does not: around named functions (<c>\log x</c>) and fractions and <c>\left...\right</c> groups; and it
/// removes those TeX leaves out: around a binary operator used as a sign (<c>(-1, 1)</c>), and around
/// operators and relations in scripts (<c>a_{t-1}</c>, <c>\sum_{t=1}</c>).
/// </summary>
internal sealed class MathMlWriter
{
    private const double ThinSpace = 3 / 18.0;

    private static readonly HashSet<AtomClass> BeforeSign = [AtomClass.Bin, AtomClass.Op, AtomClass.Function, AtomClass.Rel, AtomClass.Open, AtomClass.Punct];
    private static readonly HashSet<AtomClass> AfterSign = [AtomClass.Rel, AtomClass.Close, AtomClass.Punct];

    private readonly StringBuilder xml = new();
    private double pendingSpace;
    private int scriptDepth;

    /// <summary>The MathML of <paramref name="node"/> (a row's children without an enclosing <c>&lt;mrow&gt;</c>).</summary>
    public static string Fragment(MathNode node)
    {
        var writer = new MathMlWriter();
        writer.WriteRow(node is RowNode row ? row.Children : [node]);
        return writer.xml.ToString();
    }

    /// <summary>A whole <c>&lt;math&gt;</c> element for <paramref name="formula"/>, keeping <paramref name="tex"/> as its annotation.</summary>
    public static string Document(RowNode formula, bool display, string tex)
    {
        var writer = new MathMlWriter();
        writer.xml.Append(display ? "<math display=\"block\">" : "<math>").Append("<semantics>");
        writer.WriteOne(formula);
        writer.xml.Append("<annotation encoding=\"application/x-tex\">").Append(Escape(tex)).Append("</annotation></semantics></math>");
        return writer.xml.ToString();
    }

    private void Write(MathNode node)
    {
        if (node is SpaceNode space)
        {
            pendingSpace += space.Em;
            return;
        }
        FlushSpace();
        switch (node)
        {
            case IdentifierNode identifier:
                Token("mi", identifier.Upright && MathMlText.IsSlanted(identifier.Text) ? " mathvariant=\"normal\"" : "", identifier.Text);
                break;
            case NumberNode number:
                Token("mn", "", number.Text);
                break;
            case OperatorNode op:
                Operator(op, sign: false);
                break;
            case FunctionNode function:
                Token("mi", "", function.Name);
                break;
            case TextNode text:
                Token("mtext", text.Style is null ? "" : $" style=\"{text.Style}\"", MathMlText.KeepEdgeSpaces(text.Text));
                break;
            default:
                WriteLayout(node);
                break;
        }
    }

    private void WriteLayout(MathNode node)
    {
        switch (node)
        {
            case RowNode row:
                Element("mrow", "", () => WriteRow(row.Children));
                break;
            case ScriptsNode scripts:
                Scripts(scripts);
                break;
            case FractionNode fraction:
                Fraction(fraction);
                break;
            case RootNode root:
                Root(root);
                break;
            case FencedNode fenced:
                Element("mrow", "", () => WriteRow([.. Optional(fenced.Open), .. Children(fenced.Content), .. Optional(fenced.Close)]));
                break;
            case AccentNode accent:
                Accent(accent);
                break;
            case OverlineNode overline:
                Element("mrow", " style=\"border-top: 0.065em solid; padding-top: 0.1em\"", () => WriteRow(Children(overline.Base)));
                break;
            case TableNode table:
                new MathMlTable(table, this).Write();
                break;
            case StyleNode style:
                Element("mstyle", StyleAttributes(style), () => WriteRow(Children(style.Content)));
                break;
            default:
                throw new InvalidOperationException($"no MathML for {node.GetType().Name}");
        }
    }

    /// <summary>The children of a row-like element (mrow, mtd, msqrt, mstyle), with TeX's spacing between atoms.</summary>
    internal void WriteRow(IReadOnlyList<MathNode> children)
    {
        MathNode? previous = null;
        for (int i = 0; i < children.Count; i++)
        {
            var node = children[i];
            if (node is not SpaceNode)
            {
                var next = children.Skip(i + 1).FirstOrDefault(child => child is not SpaceNode);
                pendingSpace += previous is null ? 0 : Gap(previous, node);
                WriteAtom(node, previous, next);
                previous = node;
            }
            else
            {
                Write(node);
            }
        }
        FlushSpace();
    }

    /// <summary>Exactly one element: a row of other than one child becomes an <c>&lt;mrow&gt;</c>.</summary>
    internal void WriteOne(MathNode node) => Write(node switch
    {
        RowNode { Children: [var only] } when only is not SpaceNode => only,
        SpaceNode => new RowNode([node]),
        _ => node,
    });

    /// <summary>Appends raw markup (for <see cref="MathMlTable"/>).</summary>
    internal void Append(string markup) => xml.Append(markup);

    private void WriteAtom(MathNode node, MathNode? previous, MathNode? next)
    {
        bool sign = node.Class == AtomClass.Bin
            && (previous is null || BeforeSign.Contains(previous.Class) || next is null || AfterSign.Contains(next.Class));
        if (sign && node is OperatorNode op)
        {
            FlushSpace();
            Operator(op, sign: true);
        }
        else
        {
            Write(node);
        }
        if (node.Class == AtomClass.Function && next is not null)
        {
            xml.Append("<mo>&#x2061;</mo>"); // function application: invisible, read aloud as "of"
        }
    }

    /// <summary>The space TeX puts between two atoms that the browser does not (in em; 0 for none).</summary>
    private double Gap(MathNode previous, MathNode next)
    {
        var (left, right) = (previous.Class, next.Class);
        bool text = scriptDepth == 0; // TeX drops these spaces in scripts, except around operators
        return (left, right) switch
        {
            (AtomClass.Ord or AtomClass.Close or AtomClass.Inner or AtomClass.Function, AtomClass.Function) => ThinSpace,
            (AtomClass.Function, AtomClass.Ord) => ThinSpace,
            (AtomClass.Function, AtomClass.Inner) when text => ThinSpace,
            (AtomClass.Ord or AtomClass.Close or AtomClass.Inner, AtomClass.Inner) when text => ThinSpace,
            (AtomClass.Inner, AtomClass.Ord or AtomClass.Open or AtomClass.Punct) when text => ThinSpace,
            _ => 0,
        };
    }

    private void Operator(OperatorNode op, bool sign)
    {
        var attributes = new StringBuilder();
        Attribute(attributes, "form", sign ? "prefix" : op.Form);
        Attribute(attributes, "stretchy", op.Stretchy switch { true => "true", false => "false", null => null });
        bool unspaced = !sign && (op.Class is AtomClass.Ord or AtomClass.Inner
            || (scriptDepth > 0 && op.Class is AtomClass.Bin or AtomClass.Rel or AtomClass.Punct));
        Attribute(attributes, "lspace", unspaced ? "0em" : null);
        Attribute(attributes, "rspace", unspaced ? "0em" : null);
        Attribute(attributes, "largeop", op.LargeOp ? "true" : null);
        Attribute(attributes, "movablelimits", op.MovableLimits ? "true" : null);
        Attribute(attributes, "minsize", op.Size);
        Attribute(attributes, "maxsize", op.Size);
        Token("mo", attributes.ToString(), op.Text);
    }

    /// <summary>
    /// A base with scripts. Primes are drawn at full size right after the base and its subscript, and a
    /// superscript goes after them: U+2032 is already a raised mark, which as a superscript would shrink to a speck.
    /// </summary>
    private void Scripts(ScriptsNode scripts)
    {
        if (scripts.Primes is null)
        {
            Scripted(() => WriteBase(scripts.Base, scripts.Limits), scripts.Sub, scripts.Sup, scripts.Limits);
            return;
        }
        void Primed() => Element("mrow", "", () =>
        {
            Scripted(() => WriteBase(scripts.Base, scripts.Limits), scripts.Sub, null, scripts.Limits);
            Token("mo", " lspace=\"0em\" rspace=\"0em\"", scripts.Primes);
        });
        Scripted(Primed, null, scripts.Sup, scripts.Limits);
    }

    /// <summary>The element for a base with a subscript, a superscript, both or neither (then just the base).</summary>
    private void Scripted(Action writeBase, MathNode? sub, MathNode? sup, bool limits)
    {
        var name = (limits, sub, sup) switch
        {
            (_, null, null) => null,
            (false, not null, null) => "msub",
            (false, null, _) => "msup",
            (false, _, _) => "msubsup",
            (true, not null, null) => "munder",
            (true, null, _) => "mover",
            (true, _, _) => "munderover",
        };
        if (name is null)
        {
            writeBase();
            return;
        }
        Element(name, "", () =>
        {
            writeBase();
            scriptDepth++;
            foreach (var script in new[] { sub, sup }.OfType<MathNode>())
            {
                WriteOne(script);
            }
            scriptDepth--;
        });
    }

    /// <summary>A base; a named function with limits below becomes an operator, so that it can move its limits aside in text style.</summary>
    private void WriteBase(MathNode @base, bool limits)
    {
        if (limits && @base is FunctionNode function)
        {
            var movable = function.FixedLimits ? "" : " movablelimits=\"true\"";
            Token("mo", $" lspace=\"0em\" rspace=\"0em\"{movable}", function.Name);
        }
        else
        {
            WriteOne(@base);
        }
    }

    private void Fraction(FractionNode fraction)
    {
        var attributes = new StringBuilder();
        Attribute(attributes, "linethickness", fraction.NoBar ? "0" : null);
        Attribute(attributes, "displaystyle", fraction.DisplayStyle switch { true => "true", false => "false", null => null });
        Element("mfrac", attributes.ToString(), () =>
        {
            WriteOne(fraction.Numerator);
            WriteOne(fraction.Denominator);
        });
    }

    private void Root(RootNode root)
    {
        if (root.Index is null)
        {
            Element("msqrt", "", () => WriteRow(Children(root.Radicand)));
            return;
        }
        Element("mroot", "", () =>
        {
            WriteOne(root.Radicand);
            scriptDepth++;
            WriteOne(root.Index);
            scriptDepth--;
        });
    }

    private void Accent(AccentNode accent)
    {
        var (name, flag) = accent.Under ? ("munder", "accentunder") : ("mover", "accent");
        Element(name, accent.Brace ? "" : $" {flag}=\"true\"", () =>
        {
            WriteOne(accent.Base);
            Token("mo", accent.Stretchy ? " stretchy=\"true\"" : " stretchy=\"false\"", accent.Mark);
        });
    }

    private static string StyleAttributes(StyleNode style)
    {
        var attributes = new StringBuilder();
        Attribute(attributes, "displaystyle", style.DisplayStyle switch { true => "true", false => "false", null => null });
        Attribute(attributes, "mathcolor", style.Color);
        return attributes.ToString();
    }

    private void Element(string name, string attributes, Action content)
    {
        xml.Append('<').Append(name).Append(attributes).Append('>');
        content();
        xml.Append("</").Append(name).Append('>');
    }

    private void Token(string name, string attributes, string text) =>
        xml.Append('<').Append(name).Append(attributes).Append('>').Append(Escape(text)).Append("</").Append(name).Append('>');

    private void FlushSpace()
    {
        double em = Math.Round(pendingSpace, 4);
        pendingSpace = 0;
        if (em != 0)
        {
            xml.Append("<mspace width=\"").Append(em.ToString("0.####", CultureInfo.InvariantCulture)).Append("em\"/>");
        }
    }

    private static void Attribute(StringBuilder attributes, string name, string? value)
    {
        if (value is not null)
        {
            attributes.Append(' ').Append(name).Append("=\"").Append(Escape(value)).Append('"');
        }
    }

    private static IReadOnlyList<MathNode> Children(MathNode node) => node is RowNode row ? row.Children : [node];

    private static IEnumerable<MathNode> Optional(MathNode? node) => node is null ? [] : [node];

    private static string Escape(string text) => MathMlText.Escape(text);
}
