using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// Shows values of the course's own library types (<c>RnnNotebooks*.dll</c>, e.g. <c>Matrix</c>) as the text their
/// <c>ToString()</c> writes for notebooks, instead of dotnet-interactive's tree of every property.
/// </summary>
internal static class LibraryTypesAsText
{
    private const string LibraryPrefix = "RnnNotebooks";
    private static int _subscribed;

    /// <summary>Applies the rule to library assemblies loaded now and later (call again after <see cref="Formatter.ResetToDefault"/>).</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref _subscribed, 1) == 0)
        {
            AppDomain.CurrentDomain.AssemblyLoad += (_, loaded) => Prefer(loaded.LoadedAssembly);
        }
        foreach (var assembly in AppDomain.CurrentDomain.GetAssemblies())
        {
            Prefer(assembly);
        }
    }

    private static void Prefer(Assembly assembly)
    {
        if (assembly.IsDynamic || assembly.GetName().Name?.StartsWith(LibraryPrefix, StringComparison.Ordinal) != true)
        {
            return;
        }
        foreach (var type in assembly.GetExportedTypes().Where(WritesItsOwnText))
        {
            Formatter.SetPreferredMimeTypesFor(type, MimeTypes.PlainText);
            Formatter.Register(type, (value, writer) => writer.Write(value.ToString()), MimeTypes.PlainText);
        }
    }

    private static bool WritesItsOwnText(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == type;
}
