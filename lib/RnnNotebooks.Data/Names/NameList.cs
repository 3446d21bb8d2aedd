using System.Text;
using Bogus;

namespace RnnNotebooks.Data;

/// <summary>
/// The first names of the character-level warm-up of notebook 07: Bogus's first names in several locales, written in
/// lower-case ASCII (accents removed by a table of Latin letters), 3 to 12 letters, deduplicated and sorted. data/names/names.txt is
/// <see cref="Generate"/>'s output; Bogus is pinned (35.6.5), so the same seed gives the same list.
/// </summary>
public static class NameList
{
    /// <summary>The locales the names come from.</summary>
    public static IReadOnlyList<string> Locales { get; } = ["en", "fr", "de", "es", "it", "nl", "pl", "sv", "pt_BR", "tr", "fi", "nb_NO"];

    /// <summary>The file under data/names.</summary>
    public const string FileName = "names.txt";

    /// <summary>Draws <paramref name="drawsPerLocale"/> first names in each locale and keeps the distinct ones.</summary>
    /// <param name="drawsPerLocale">How many names to draw per locale (repeats are dropped).</param>
    /// <param name="seed">The seed of Bogus's randomizer.</param>
    public static IReadOnlyList<string> Generate(int drawsPerLocale = 600, int seed = 7)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(drawsPerLocale);
        var names = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var locale in Locales)
        {
            var faker = new Faker(locale) { Random = new Randomizer(seed) };
            for (int i = 0; i < drawsPerLocale; i++)
            {
                if (Normalise(faker.Name.FirstName()) is { } name)
                {
                    names.Add(name);
                }
            }
        }
        return names.ToList();
    }

    /// <summary>
    /// Latin letters with diacritics and their plain letters, position by position. An explicit table rather than Unicode
    /// decomposition, which the project's invariant-globalization processes do not do: the list must come out the same in
    /// every process.
    /// </summary>
    private const string Accented = "àáâãäåāăąçćčďđèéêëēėęěğìíîïīįıłñńňòóôõöøōőùúûüūůűųýÿśšşßţťźżžř";
    private const string Plain = "aaaaaaaaacccddeeeeeeeegiiiiiiilnnnoooooooouuuuuuuuyyssssttzzzr";

    /// <summary>A name in lower-case ASCII letters without accents ("Zoë" -> "zoe"), or null when it has other characters or is not 3..12 letters long.</summary>
    public static string? Normalise(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var letters = new StringBuilder(name.Length);
        foreach (char c in name.ToLowerInvariant())
        {
            int accented = Accented.IndexOf(c);
            letters.Append(accented >= 0 ? Plain[accented] : c);
        }
        string text = letters.ToString();
        return text.Length is >= 3 and <= 12 && text.All(char.IsAsciiLetterLower) ? text : null;
    }

    /// <summary>The bundled list, data/names/names.txt: one name per line.</summary>
    /// <param name="folder">The data/names folder, or null to find it above the running program.</param>
    public static IReadOnlyList<string> Load(string? folder = null)
    {
        folder ??= FindFolder();
        return File.ReadAllLines(Path.Combine(folder, FileName)).Where(line => line.Length > 0).ToList();
    }

    /// <summary>data/names in the repository around <paramref name="start"/> (or the running program).</summary>
    public static string FindFolder(string? start = null) =>
        Path.Combine(Path.GetDirectoryName(BundledNer.FindFolder(start))!, "names");
}
