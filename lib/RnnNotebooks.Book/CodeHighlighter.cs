using ColorCode;

namespace RnnNotebooks.Book;

/// <summary>C# source to highlighted HTML with ColorCode (class-based, so one stylesheet colours every page).</summary>
internal static class CodeHighlighter
{
    private static readonly HtmlClassFormatter Formatter = new();

    /// <summary>
    /// The highlighted HTML of <paramref name="csharp"/>: a <c>&lt;pre&gt;</c> of coloured spans. A formatter of its
    /// own per call: ColorCode's keeps its writer in a field, so books rendered at once on two threads broke it.
    /// </summary>
    public static string ToHtml(string csharp) => new HtmlClassFormatter().GetHtmlString(csharp, Languages.CSharp);

    /// <summary>
    /// The stylesheet for the classes <see cref="ToHtml"/> uses, scoped to code cells (<c>.source</c>): ColorCode's
    /// class names (<c>.keyword</c>, <c>.string</c>) are generic enough to meet an output's HTML, and its
    /// <c>body</c> rule is dropped.
    /// </summary>
    public static string Css() => string.Join("\n", Formatter.GetCSSString()
        .Split('}', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(rule => rule.Split('{', 2))
        .Where(rule => rule.Length == 2 && rule[0].Trim() != "body")
        .Select(rule => string.Join(", ", rule[0].Split(',').Select(selector => ".source " + selector.Trim())) + " {" + rule[1] + "}"));
}
