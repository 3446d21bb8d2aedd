using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers;

namespace RnnNotebooks.Notebooks.Book;

/// <summary>
/// Markdown to HTML with Markdig: tables, lists, and <c>$...$</c> / <c>$$...$$</c> math, which Markdig writes as
/// <c>.math</c> elements for the book's script to draw with KaTeX (<c>$$...$$</c> on one line stays display math).
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown)
    {
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.ObjectRenderers.Replace<HtmlMathInlineRenderer>(new DisplayMathRenderer());
        renderer.Render(Markdown.Parse(markdown, Pipeline));
        writer.Flush();
        return writer.ToString();
    }
}
