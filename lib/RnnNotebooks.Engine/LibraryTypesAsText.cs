using System.Reflection;
using Microsoft.DotNet.Interactive.Formatting;
using RnnNotebooks.Engine.Documents;

namespace RnnNotebooks.Engine;

/// <summary>
/// Shows values of the course's own library types (<c>RnnNotebooks*.dll</c>, e.g. <c>Matrix</c>) as the text their
/// <c>ToString()</c> writes for notebooks, instead of dotnet-interactive's tree of every property; a type with a
/// <c>string ToHtml()</c> method (e.g. <c>AudioClip</c>, an inline audio player) as the HTML that method writes.
/// </summary>
internal static class LibraryTypesAsText
{
    private const string LibraryPrefix = "RnnNotebooks";
    private static int subscribed;

    /// <summary>Applies the rule to library assemblies loaded now and later (call again after <see cref="Formatter.ResetToDefault"/>).</summary>
    public static void Apply()
    {
        if (Interlocked.Exchange(ref subscribed, 1) == 0)
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
        foreach (var type in assembly.GetExportedTypes())
        {
            if (type.GetMethod("ToHtml", Type.EmptyTypes) is { ReturnType: var returns } toHtml && returns == typeof(string) && !toHtml.IsStatic)
            {
                Formatter.SetPreferredMimeTypesFor(type, MimeTypes.Html);
                Formatter.Register(type, (value, writer) => writer.Write((string?)toHtml.Invoke(value, null)), MimeTypes.Html);
            }
        }
    }

    private static bool WritesItsOwnText(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetMethod(nameof(ToString), Type.EmptyTypes)?.DeclaringType == type;
}
