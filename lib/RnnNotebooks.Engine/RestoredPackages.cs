using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.CSharp;

namespace RnnNotebooks.Engine;

/// <summary>
/// Makes packages restored by <c>#r "nuget: ..."</c> usable: adds their assemblies to the C# kernel, then loads
/// the kernel extensions a NuGet package carries in <c>interactive-extensions/dotnet/*.dll</c>
/// (Plotly.NET.Interactive's chart formatter is one), after <c>#r "nuget: ..."</c> restored it.
/// </summary>
/// <remarks>
/// The dotnet-interactive tool has such a loader, but it is not part of the engine packages, so a host that
/// runs kernels in-process (this one) has to load extensions itself.
/// </remarks>
internal sealed class RestoredPackages
{
    private static readonly ConcurrentDictionary<string, Assembly> Assemblies = new(StringComparer.Ordinal);
    private readonly HashSet<string> loadedInThisKernel = new(StringComparer.Ordinal);

    /// <summary>
    /// References every package in <paramref name="packages"/> from <paramref name="kernel"/> and loads the
    /// packages' extensions into its root kernel.
    /// </summary>
    public async Task OnPackagesRestoredAsync(CSharpKernel kernel, IReadOnlyList<ResolvedPackageReference> packages)
    {
        kernel.AddAssemblyReferences(packages.SelectMany(package => package.AssemblyPaths));
        var root = kernel.RootKernel;
        foreach (var dll in packages.SelectMany(ExtensionAssemblies))
        {
            if (!loadedInThisKernel.Add(dll))
            {
                continue;
            }
            var assembly = Assemblies.GetOrAdd(dll, AssemblyLoadContext.Default.LoadFromAssemblyPath);
            foreach (var extension in Extensions(assembly))
            {
                await extension.OnLoadAsync(root);
            }
        }
    }

    private static IEnumerable<string> ExtensionAssemblies(ResolvedPackageReference package)
    {
        var folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.dll").Order(StringComparer.Ordinal)
            : [];
    }

    private static IEnumerable<IKernelExtension> Extensions(Assembly assembly) =>
        assembly.GetExportedTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false } && typeof(IKernelExtension).IsAssignableFrom(type))
            .Where(type => type.GetConstructor(Type.EmptyTypes) is not null)
            .Select(type => (IKernelExtension)Activator.CreateInstance(type)!);
}
