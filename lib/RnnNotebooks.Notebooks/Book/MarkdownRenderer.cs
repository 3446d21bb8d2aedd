using Markdig;

namespace RnnNotebooks.Notebooks.Book;

/// <summary>
/// Markdown to HTML with Markdig: tables, lists, and <c>$...$</c> / <c>$$...$$</c> math, which Markdig writes as
/// <c>.math</c> elements for the book's script to draw with KaTeX.
/// </summary>
internal static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAdvancedExtensions()
        .Build();

    /// <summary>The HTML of <paramref name="markdown"/>.</summary>
    public static string ToHtml(string markdown) => Markdown.ToHtml(markdown, Pipeline);
}
