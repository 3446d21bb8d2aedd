using ColorCode;

namespace RnnNotebooks.Notebooks.Book;

/// <summary>C# source to highlighted HTML with ColorCode (class-based, so one stylesheet colours every page).</summary>
internal static class CodeHighlighter
{
    private static readonly HtmlClassFormatter Formatter = new();

    /// <summary>The highlighted HTML of <paramref name="csharp"/>: a <c>&lt;pre&gt;</c> of coloured spans.</summary>
    public static string ToHtml(string csharp) => Formatter.GetHtmlString(csharp, Languages.CSharp);

    /// <summary>The stylesheet for the classes <see cref="ToHtml"/> uses.</summary>
    public static string Css() => Formatter.GetCSSString();
}
