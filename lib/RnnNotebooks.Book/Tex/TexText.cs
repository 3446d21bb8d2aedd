using System.Text;
using System.Text.RegularExpressions;

namespace RnnNotebooks.Book.Tex;

/// <summary>
/// Arguments read as text rather than math: <c>\text{...}</c> and friends, <c>\operatorname{...}</c>, environment
/// names and colours. White space is kept, and the few commands text allows (<c>\%</c>, <c>\&amp;</c>, <c>\,</c>,
/// <c>\quad</c>, ...) become characters; math inside text is refused.
/// </summary>
internal static partial class TexText
{
    private static readonly Dictionary<string, string> Commands = new()
    {
        ["%"] = "%", ["&"] = "&", ["#"] = "#", ["$"] = "$", ["_"] = "_", ["{"] = "{", ["}"] = "}", [" "] = " ",
        [","] = "\u2009", ["quad"] = "\u2003", ["qquad"] = "\u2003\u2003", ["textbackslash"] = "\\",
    };

    /// <summary>The text of the <c>{...}</c> group after <paramref name="owner"/>, braces inside it dropped.</summary>
    public static string Read(TexReader reader, TexToken owner)
    {
        var open = reader.SkipSpaces();
        if (open.Kind != TexTokenKind.BeginGroup)
        {
            throw TexException.At(owner, $"{owner.Source} needs its text in braces: {owner.Source}{{...}}");
        }
        reader.Next();
        var text = new StringBuilder();
        for (int depth = 0; ;)
        {
            var token = reader.Next();
            switch (token.Kind)
            {
                case TexTokenKind.BeginGroup:
                    depth++;
                    break;
                case TexTokenKind.EndGroup when depth == 0:
                    return text.ToString();
                case TexTokenKind.EndGroup:
                    depth--;
                    break;
                default:
                    text.Append(Character(token, open, owner));
                    break;
            }
        }
    }

    /// <summary>A colour for <c>\color</c>: a CSS colour name or <c>#rgb</c>/<c>#rrggbb</c>.</summary>
    public static string ReadColor(TexReader reader, TexToken owner)
    {
        var color = Read(reader, owner).Trim();
        return ColorPattern().IsMatch(color)
            ? color
            : throw TexException.At(owner, $"{owner.Source}{{{color}}}: a colour is a name such as red, or #rgb, or #rrggbb");
    }

    /// <summary>An environment's name: letters, perhaps with a <c>*</c> (<c>align*</c>).</summary>
    public static string ReadName(TexReader reader, TexToken owner)
    {
        var name = Read(reader, owner).Trim();
        return NamePattern().IsMatch(name)
            ? name
            : throw TexException.At(owner, $"{owner.Source}{{{name}}}: an environment's name is letters, perhaps with a *");
    }

    private static string Character(TexToken token, TexToken open, TexToken owner) => token.Kind switch
    {
        TexTokenKind.End => throw TexException.At(open, $"unbalanced braces: the {{ of {owner.Source} is never closed"),
        TexTokenKind.Space => " ",
        TexTokenKind.Tie => "\u00A0",
        TexTokenKind.Command => Commands.TryGetValue(token.Text, out var text)
            ? text
            : throw TexException.At(token, $"{token.Source} is not supported inside {owner.Source}{{...}}"),
        TexTokenKind.Other when token.Text == "$" => throw TexException.At(token, $"math inside {owner.Source}{{...}} is not supported"),
        TexTokenKind.Superscript => throw TexException.At(token, $"^ is not allowed inside {owner.Source}{{...}}"),
        TexTokenKind.Subscript or TexTokenKind.Alignment =>
            throw TexException.At(token, $"{token.Text} is not allowed inside {owner.Source}{{...}}: write \\{token.Text} for the character"),
        _ => token.Text,
    };

    [GeneratedRegex("^([A-Za-z]+|#[0-9A-Fa-f]{3}|#[0-9A-Fa-f]{6})$")]
    private static partial Regex ColorPattern();

    [GeneratedRegex(@"^[A-Za-z]+\*?$")]
    private static partial Regex NamePattern();
}
