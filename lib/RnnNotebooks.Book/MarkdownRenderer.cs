using Markdig;
using Markdig.Extensions.GenericAttributes;
using Markdig.Extensions.Mathematics;
using Markdig.Parsers.Inlines;
using Markdig.Renderers;
using RnnNotebooks.Book.Tex;

namespace RnnNotebooks.Book;

/// <summary>
/// Markdown to HTML with Markdig: tables, lists, and math (<c>$...$</c>, <c>$$...$$</c>, <c>\(...\)</c>,
/// <c>\[...\]</c>) written as MathML by <see cref="TexToMathMl"/>, so the page needs no script to show it; ```csharp blocks
/// highlighted like code cells. HTML blocks pass through: an exercise's <c>&lt;details&gt;&lt;summary&gt;Solution&lt;/summary&gt;</c> stays
/// collapsed, and the markdown after its blank line (code, math) is rendered inside it.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    /// <summary>The HTML of <paramref name="markdown"/>; each formula that cannot be converted goes to <paramref name="onMathError"/> (TeX, error).</summary>
    public static string ToHtml(string markdown, Action<string, TexError> onMathError)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new MathInlineRenderer(onMathError));
        renderer.ObjectRenderers.Replace<HtmlMathBlockRenderer>(new MathBlockRenderer(onMathError));
        renderer.ObjectRenderers.Replace<Markdig.Renderers.Html.CodeBlockRenderer>(new CodeBlockRenderer());
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return writer.ToString();
    }

    private static MarkdownPipeline BuildPipeline()
    {
        var builder = new MarkdownPipelineBuilder().UseAdvancedExtensions();
        // Markdig's {#id .class} attributes would take the braces of TeX in a heading ("## $\hat{y}$") as attributes;
        // Jupyter has no such syntax, and headings get their ids from HeadingAnchors.
        builder.Extensions.RemoveAll(extension => extension is GenericAttributesExtension);
        builder.InlineParsers.InsertBefore<EscapeInlineParser>(new BracketMathParser());
        return builder.Build();
    }
}
