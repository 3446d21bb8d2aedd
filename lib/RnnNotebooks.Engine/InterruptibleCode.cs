using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace RnnNotebooks.Engine;

/// <summary>
/// Makes a cell's loops interruptible: inserts <c>CellInterrupt.Check();</c> as the first statement of every
/// <c>while</c>, <c>do</c>, <c>for</c> and <c>foreach</c> body, so <see cref="CellInterrupt.Request"/> stops the cell
/// at its next iteration. The insertion adds no line, so compile errors keep their line numbers (on the line of
/// a loop body's <c>{</c>, columns after it move right).
/// </summary>
public static class InterruptibleCode
{
    private static readonly string CheckCall = $"global::{typeof(CellInterrupt).FullName}.{nameof(CellInterrupt.Check)}(); ";
    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary><paramref name="code"/> with a check at the top of every loop body; unchanged when it has no loop.</summary>
    public static string Prepare(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, Script).GetRoot();
        var changes = root.DescendantNodes()
            .Select(LoopBody)
            .OfType<StatementSyntax>()
            .SelectMany(Insertions)
            .GroupBy(insertion => insertion.Position) // nested loops can insert at one place: closings first
            .Select(group => new TextChange(new TextSpan(group.Key, 0), string.Concat(group.OrderBy(i => i.Order).Select(i => i.Text))))
            .OrderBy(change => change.Span.Start)
            .ToList();
        return changes.Count == 0 ? code : SourceText.From(code).WithChanges(changes).ToString();
    }

    private static StatementSyntax? LoopBody(SyntaxNode node) => node switch
    {
        WhileStatementSyntax loop => loop.Statement,
        DoStatementSyntax loop => loop.Statement,
        ForStatementSyntax loop => loop.Statement,
        CommonForEachStatementSyntax loop => loop.Statement,
        _ => null,
    };

    /// <summary>After a block's <c>{</c>; around any other statement, a new block.</summary>
    private static IEnumerable<(int Position, int Order, string Text)> Insertions(StatementSyntax body)
    {
        if (body is BlockSyntax { OpenBraceToken.IsMissing: false } block)
        {
            yield return (block.OpenBraceToken.Span.End, 1, " " + CheckCall);
            yield break;
        }
        if (body.Span.IsEmpty)
        {
            yield break; // a loop the parser found no body for: leave the compile error as it is
        }
        yield return (body.SpanStart, 1, "{ " + CheckCall);
        yield return (body.Span.End, 0, " }");
    }
}
