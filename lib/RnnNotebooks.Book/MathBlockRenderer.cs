using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book;

/// <summary>Writes a <c>$$</c> block (the delimiters on lines of their own) as display MathML.</summary>
/// <param name="onError">Told the TeX and the error of each formula that could not be converted.</param>
internal sealed class MathBlockRenderer(Action<string, TexError> onError) : HtmlObjectRenderer<MathBlock>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, MathBlock math)
    {
        renderer.EnsureLine();
        renderer.Write("<div class=\"math display\">")
            .Write(MathInlineRenderer.Convert(math.Lines.ToString(), display: true, onError))
            .WriteLine("</div>");
    }
}
