using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace RnnNotebooks.Book;

/// <summary>
/// Writes a fenced ```csharp block in markdown (an exercise's collapsed solution, say) highlighted as the code cells are,
/// inside a <c>div.source</c> so the book's highlight.css applies; every other code block as Markdig writes it.
/// </summary>
internal sealed class CodeBlockRenderer : HtmlObjectRenderer<CodeBlock>
{
    private static readonly string[] CSharp = ["csharp", "cs", "c#"];
    private readonly Markdig.Renderers.Html.CodeBlockRenderer plain = new();

    /// <inheritdoc />
    protected override void Write(HtmlRenderer renderer, CodeBlock block)
    {
        if (block is FencedCodeBlock { Info: { } info } && CSharp.Contains(info.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            renderer.EnsureLine();
            renderer.Write("<div class=\"source\">").Write(CodeHighlighter.ToHtml(block.Lines.ToString())).WriteLine("</div>");
            return;
        }
        ((IMarkdownObjectRenderer)plain).Write(renderer, block);
    }
}
