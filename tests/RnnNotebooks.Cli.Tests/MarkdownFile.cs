using System.Globalization;
using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// A Markdown file of the repository as GitHub shows it: its headings' anchors (GitHub's rule), its links and images,
/// and its fenced code blocks with the heading they stand under.
/// </summary>
/// <param name="Path">The file's full path.</param>
/// <param name="Anchors">The <c>#anchor</c> of every heading.</param>
/// <param name="Links">Every link and image target, as written, with its 1-based line.</param>
/// <param name="Blocks">Every fenced code block: the text of the nearest heading above it, its info string, its lines.</param>
internal sealed record MarkdownFile(
    string Path,
    IReadOnlySet<string> Anchors,
    IReadOnlyList<(string Target, int Line)> Links,
    IReadOnlyList<(string Section, string Info, IReadOnlyList<string> Lines)> Blocks)
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>Reads and parses <paramref name="path"/>.</summary>
    public static MarkdownFile Read(string path)
    {
        var document = Markdown.Parse(File.ReadAllText(path), Pipeline);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var blocks = new List<(string, string, IReadOnlyList<string>)>();
        string section = "";
        foreach (var block in document.Descendants<Block>())
        {
            if (block is HeadingBlock heading)
            {
                section = PlainText(heading.Inline);
                anchors.Add(UniqueAnchor(Anchor(section), anchors));
            }
            else if (block is FencedCodeBlock fenced)
            {
                blocks.Add((section, fenced.Info ?? "", fenced.Lines.Lines.Take(fenced.Lines.Count).Select(line => line.ToString()).ToList()));
            }
        }
        var links = document.Descendants<LinkInline>().Select(link => (link.Url ?? "", link.Line + 1)).ToList();
        return new MarkdownFile(System.IO.Path.GetFullPath(path), anchors, links, blocks);
    }

    /// <summary>
    /// GitHub's anchor for a heading's text: lower case, every character that is not a letter, digit, mark, '-', '_'
    /// or space dropped, each space a '-'.
    /// </summary>
    public static string Anchor(string headingText)
    {
        var anchor = new StringBuilder();
        foreach (var c in headingText.ToLowerInvariant())
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsLetterOrDigit(c) || c is '-' or '_' || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                anchor.Append(c);
            }
            else if (c == ' ')
            {
                anchor.Append('-');
            }
        }
        return anchor.ToString();
    }

    /// <summary>The lines of the fenced blocks under the heading <paramref name="section"/>, in order.</summary>
    public IReadOnlyList<string> LinesUnder(string section) =>
        Blocks.Where(block => block.Section == section).SelectMany(block => block.Lines).ToList();

    /// <summary>GitHub numbers a repeated anchor: the second <c>x</c> is <c>x-1</c>, the third <c>x-2</c>.</summary>
    private static string UniqueAnchor(string anchor, IReadOnlySet<string> taken)
    {
        var unique = anchor;
        for (int n = 1; taken.Contains(unique); n++)
        {
            unique = $"{anchor}-{n}";
        }
        return unique;
    }

    /// <summary>The text of a heading as GitHub reads it for its anchor: literal text and code, without the markup.</summary>
    private static string PlainText(Inline? inline) => inline switch
    {
        LiteralInline literal => literal.Content.ToString(),
        CodeInline code => code.Content,
        ContainerInline container => string.Concat(container.Select(PlainText)),
        _ => "",
    };
}
