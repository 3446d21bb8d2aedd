using System.Xml.Linq;
using CsCheck;
using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book.Tests;

/// <summary>Random TeX-like input: the converter never crashes, and what it writes is well-formed MathML with the arity MathML Core requires.</summary>
public sealed class TexPropertyTests
{
    private static readonly string[] Pieces =
    [
        "x", "y", "12", "1.5", " ", "{", "}", "^", "_", "'", "&", "\\\\", "(", ")", "[", "]", "-", "+", "=", "<", ",", "|", "~", "%", "$", "\\",
        "\\frac", "\\sqrt", "\\left(", "\\right)", "\\left.", "\\right.", "\\middle|", "\\big(", "\\sum", "\\int", "\\limits", "\\log", "\\max",
        "\\operatorname{f}", "\\text{a b}", "\\text{", "\\mathbf", "\\mathbb{R}", "\\hat", "\\overline", "\\underbrace{x}", "\\alpha", "\\Gamma",
        "\\langle", "\\rangle", "\\|", "\\,", "\\!", "\\quad", "\\color{red}", "\\foo", "\\begin{matrix}", "\\end{matrix}",
        "\\begin{aligned}", "\\end{aligned}", "\\begin{cases}", "\\end{cases}", "\\binom", "\\overset", "\\cdot", "\\to", "\\dots",
    ];

    /// <summary>How many children each MathML element must have.</summary>
    private static readonly Dictionary<string, int> Arity = new()
    {
        ["msub"] = 2, ["msup"] = 2, ["msubsup"] = 3, ["munder"] = 2, ["mover"] = 2, ["munderover"] = 3,
        ["mfrac"] = 2, ["mroot"] = 2, ["semantics"] = 2,
    };

    [Fact]
    public void Any_input_becomes_well_formed_MathML_or_a_reported_error()
    {
        int converted = 0, reported = 0;
        Gen.OneOf(Pieces).Array[0, 24].Select(string.Concat).Sample(tex =>
        {
            var conversion = TexToMathMl.Convert(tex, display: true);
            var html = XElement.Parse(conversion.Html);
            if (conversion.Error is not null)
            {
                reported++;
                Assert.Equal("span", html.Name.LocalName);
                Assert.Contains("math-error", (string?)html.Attribute("class"));
                return;
            }
            converted++;
            Assert.Equal("math", html.Name.LocalName);
            foreach (var element in html.DescendantsAndSelf().Where(e => Arity.ContainsKey(e.Name.LocalName)))
            {
                Assert.True(element.Elements().Count() == Arity[element.Name.LocalName], $"{tex}: {element}");
            }
        }, iter: 20_000, threads: 1);
        Assert.True(converted > 1_000 && reported > 1_000, $"{converted} converted, {reported} reported: the generator should make plenty of both");
    }
}
