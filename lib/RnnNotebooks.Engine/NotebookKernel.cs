using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;
using RnnNotebooks.Scripts;

namespace RnnNotebooks.Engine;

/// <summary>
/// Builds the kernel one notebook runs in: a C# kernel with <c>#r "nuget: ..."</c>, <c>display(...)</c>,
/// value sharing, NuGet packages' kernel extensions (Plotly.NET charts as HTML), Deedle frames as tables,
/// the course library's types as their own text, and the figures cells report with <c>RnnNotebooks.Scripts.Figures.Report</c>
/// shown under the cell and collected (<see cref="ReportedFigure"/>).
/// </summary>
public static class NotebookKernel
{
    /// <summary>The C# kernel's name.</summary>
    public const string CSharpKernelName = "csharp";

    /// <summary>Shows a reported figure under the running cell, where <see cref="OutputCollector"/> collects it.</summary>
    private static void ShowFigure(string name, double value) =>
        KernelInvocationContext.Current?.Display(new ReportedFigure(name, value), Documents.MimeTypes.PlainText);

    /// <summary>Shows a time reported while outputs are stored: collected like any figure, shown without its value.</summary>
    private static void ShowTime(string name, double seconds) =>
        KernelInvocationContext.Current?.Display(new ReportedFigure(name, seconds) { ValueShown = false }, Documents.MimeTypes.PlainText);

    /// <summary>A fresh kernel. Resets the process-wide formatters first, so notebooks do not leak into each other.</summary>
    /// <param name="storing">True when the outputs will be stored (<see cref="RunOptions.Store"/>): times are not printed.</param>
    public static Task<CompositeKernel> CreateAsync(bool storing = false)
    {
        Formatter.ResetToDefault();
        DeedleFormatter.Register();
        LibraryTypesAsText.Apply();
        Formatter.Register<ReportedFigure>((figure, writer) => writer.Write(figure.ToString()), Documents.MimeTypes.PlainText);

        AppContext.SetData(Figures.ReceiverKey, (Action<string, double>)ShowFigure);
        AppContext.SetData(Figures.TimeReceiverKey, (Action<string, double>)ShowTime);
        AppContext.SetData(Timing.StoringKey, storing);

        var packages = new RestoredPackages();
        var csharp = new CSharpKernel(CSharpKernelName)
            .UseNugetDirective(packages.OnPackagesRestoredAsync, forceRestore: false)
            .UseKernelHelpers()
            .UseValueSharing();
        // The interrupt checks InterruptibleCode inserts into every loop call CellInterrupt, in this assembly.
        csharp.AddAssemblyReferences([typeof(CellInterrupt).Assembly.Location]);
        var root = new CompositeKernel { csharp };
        root.DefaultKernelName = csharp.Name;
        return Task.FromResult(root);
    }
}
