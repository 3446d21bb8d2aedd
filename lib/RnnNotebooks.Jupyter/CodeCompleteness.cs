using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// <c>is_complete_request</c>: whether a console front end should run the code or wait for another line, by
/// Roslyn's own test for a complete script submission (an open brace, a dangling operator: incomplete).
/// </summary>
internal static class CodeCompleteness
{
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary><c>complete</c>, <c>incomplete</c> (with the indent for the next line) or <c>invalid</c> (a syntax error).</summary>
    public static (string Status, string Indent) Of(string code)
    {
        var tree = CSharpSyntaxTree.ParseText(code, Script);
        if (!SyntaxFactory.IsCompleteSubmission(tree))
        {
            return ("incomplete", new string(' ', 4 * OpenBraces(tree)));
        }
        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error) ? ("invalid", "") : ("complete", "");
    }

    private static int OpenBraces(SyntaxTree tree)
    {
        var tokens = tree.GetRoot().DescendantTokens().Where(token => !token.IsMissing).ToList();
        return Math.Max(0, tokens.Count(t => t.IsKind(SyntaxKind.OpenBraceToken)) - tokens.Count(t => t.IsKind(SyntaxKind.CloseBraceToken)));
    }
}
