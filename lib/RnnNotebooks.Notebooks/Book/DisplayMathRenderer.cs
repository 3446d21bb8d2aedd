using Markdig.Extensions.Mathematics;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace RnnNotebooks.Notebooks.Book;

/// <summary>
/// Writes Markdig's inline math, keeping <c>$$...$$</c> on one line as display math: Jupyter and VS Code show it
/// that way, while Markdig's own renderer would make it inline.
/// </summary>
internal sealed class DisplayMathRenderer : HtmlObjectRenderer<MathInline>
{
    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, MathInline math)
    {
        bool display = math.DelimiterCount >= 2;
        renderer.Write(display ? "<span class=\"math display\">\\[" : "<span class=\"math\">\\(");
        renderer.WriteEscape(ref math.Content);
        renderer.Write(display ? "\\]</span>" : "\\)</span>");
    }
}
