using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book;

/// <summary>
/// Writes Markdig's inline math as MathML: <c>$...$</c> and <c>\(...\)</c> inline, <c>$$...$$</c> and
/// <c>\[...\]</c> as display math even within a line, as Jupyter and VS Code show it. A formula that cannot be
/// converted is written as a visible error and handed to <paramref name="onError"/>.
/// </summary>
/// <param name="onError">Told the TeX and the error of each formula that could not be converted.</param>
internal sealed class MathInlineRenderer(Action<string, TexError> onError) : HtmlObjectRenderer<MathInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        bool display = math.DelimiterCount >= 2;
        renderer.Write(display ? "<span class=\"math display\">" : "<span class=\"math\">")
            .Write(Convert(math.Content.ToString(), display, onError))
            .Write("</span>");
    }

    /// <summary>The HTML of one formula, reporting a failure to <paramref name="onError"/>.</summary>
    public static string Convert(string tex, bool display, Action<string, TexError> onError)
    {
        var conversion = TexToMathMl.Convert(tex, display);
        if (conversion.Error is { } error)
        {
            onError(tex, error);
        }
        return conversion.Html;
    }
}
