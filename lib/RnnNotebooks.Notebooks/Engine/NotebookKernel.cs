using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace RnnNotebooks.Notebooks.Engine;

/// <summary>
/// Builds the kernel one notebook runs in: a C# kernel with <c>#r "nuget: ..."</c>, <c>display(...)</c>,
/// value sharing, NuGet packages' kernel extensions (Plotly.NET charts as HTML), Deedle frames as tables,
/// the course library's types as their own text, and <see cref="NotebookHelpers"/> (<c>Report</c>) imported.
/// </summary>
public static class NotebookKernel
{
    /// <summary>The C# kernel's name.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>A fresh kernel. Resets the process-wide formatters first, so notebooks do not leak into each other.</summary>
    public static async Task<CompositeKernel> CreateAsync()
    {
        Formatter.ResetToDefault();
        DeedleFormatter.Register();
        LibraryTypesAsText.Apply();
        Formatter.Register<ReportedFigure>((figure, writer) => writer.Write(figure.ToString()), Documents.MimeTypes.PlainText);

        var packages = new RestoredPackages();
        var csharp = new CSharpKernel(CSharpKernelName)
            .UseNugetDirective(packages.OnPackagesRestoredAsync, forceRestore: false)
            .UseKernelHelpers()
            .UseValueSharing();
        csharp.AddAssemblyReferences([typeof(NotebookHelpers).Assembly.Location]);
        var root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
        var result = await root.SendAsync(new SubmitCode($"using static {typeof(NotebookHelpers).FullName};"));
        if (result.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
        {
            root.Dispose();
            throw new InvalidOperationException($"The C# kernel could not import the notebook helpers: {failed.Message}");
        }
        return root;
    }
}
