using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnNotebooks.Engine.Export;

/// <summary>
/// Turns a notebook code cell (C# script) into file-based-app pieces: <c>#r "nuget: P, V"</c> becomes
/// <c>#:package P@V</c>; <c>#r "../artifacts/lib/X.dll"</c> becomes <c>#:project</c> of lib/X/X.csproj;
/// usings and type declarations move to where C# wants them; the cell's last bare expression is shown.
/// </summary>
internal sealed partial class CellTranslator(string notebookFolder, string exportFolder, string repositoryRoot)
{
    /// <summary>Packages that exist only to extend the kernel (charts as HTML): nothing to do in an app.</summary>
    private static readonly HashSet<string> KernelOnlyPackages = new(StringComparer.OrdinalIgnoreCase) { "Plotly.NET.Interactive" };

    private static readonly CSharpParseOptions Script = new(LanguageVersion.Preview, kind: SourceCodeKind.Script);

    /// <summary>Translates <paramref name="source"/>; <paramref name="where"/> names the cell in errors.</summary>
    /// <exception cref="ExportException">A <c>#r</c> this exporter cannot translate.</exception>
    public TranslatedCell Translate(string source, string where)
    {
        var directives = new List<string>();
        var code = new StringBuilder();
        foreach (var line in source.Split('\n'))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#r ", StringComparison.Ordinal))
            {
                directives.AddRange(Reference(trimmed, where));
                code.AppendLine();
            }
            else
            {
                code.AppendLine(trimmed.StartsWith("#!", StringComparison.Ordinal) ? "// (kernel magic, not exported) " + trimmed : line.TrimEnd('\r'));
            }
        }
        var root = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(code.ToString(), Script).GetRoot();
        var types = root.Members.Where(IsType).Select(member => member.ToFullString().Trim()).ToList();
        var statements = string.Concat(root.Members.Where(member => !IsType(member)).Select(Statement)).Trim();
        return new TranslatedCell(directives, root.Usings.Select(u => u.ToString().Trim()).ToList(), statements, types);
    }

    private static bool IsType(MemberDeclarationSyntax member) => member is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax;

    /// <summary>A member's text; a last expression with no semicolon (the cell's value) wrapped in <c>Show(...);</c>.</summary>
    private static string Statement(MemberDeclarationSyntax member) =>
        member is GlobalStatementSyntax { Statement: ExpressionStatementSyntax { SemicolonToken.IsMissing: true } shown }
            ? $"{shown.GetLeadingTrivia().ToFullString()}NotebookScript.Show({shown.Expression.ToString()});\n" // qualified: a notebook may define its own Show
            : member.ToFullString();

    private IEnumerable<string> Reference(string line, string where)
    {
        var nuget = NugetReference().Match(line);
        if (nuget.Success)
        {
            var (package, version) = (nuget.Groups[1].Value, nuget.Groups[2].Value);
            if (version.Length == 0)
            {
                throw new ExportException($"{where}: `{line}` names no version; pin it, e.g. #r \"nuget: {package}, 1.0.0\".");
            }
            return KernelOnlyPackages.Contains(package) ? [] : [$"#:package {package}@{version}"];
        }
        var dll = DllReference().Match(line);
        if (!dll.Success)
        {
            throw new ExportException($"{where}: `{line}` is neither #r \"nuget: Package, Version\" nor #r \"path/to/library.dll\".");
        }
        return [$"#:project {ProjectOf(dll.Groups[1].Value, where)}"];
    }

    /// <summary>lib/X/X.csproj for a built X.dll (artifacts/lib/X.dll), as a path relative to the export folder.</summary>
    private string ProjectOf(string dllPath, string where)
    {
        var name = Path.GetFileNameWithoutExtension(dllPath);
        var project = Path.Combine(repositoryRoot, "lib", name, name + ".csproj");
        if (!File.Exists(project))
        {
            throw new ExportException($"{where}: #r \"{dllPath}\" ({Path.GetFullPath(Path.Combine(notebookFolder, dllPath))}) is not built by a project in lib/ (no {project}).");
        }
        return Path.GetRelativePath(exportFolder, project).Replace('\\', '/');
    }

    [GeneratedRegex("""^#r\s+"nuget:\s*([^,"\s]+)\s*(?:,\s*([^"\s]+))?\s*"$""")]
    private static partial Regex NugetReference();

    [GeneratedRegex("""^#r\s+"([^"]+\.dll)"$""")]
    private static partial Regex DllReference();
}
