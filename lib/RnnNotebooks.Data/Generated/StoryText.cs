using System.Text;

namespace RnnNotebooks.Data;

/// <summary>
/// A small English text this project generates from a grammar it writes itself, for character-level models:
/// sentences such as "harry found an old map in the castle." or "then he read the secret book." The same
/// seed gives the same text. Every word it can write is in <see cref="Words"/>, so a model's samples can be
/// scored by the share of their words that are real words of the text (<see cref="RealWordShare"/>).
/// </summary>
public static class StoryText
{
    /// <summary>The names; the first three take "he", the last three "she".</summary>
    public static IReadOnlyList<string> Names { get; } = ["harry", "ron", "neville", "hermione", "ginny", "luna"];

    private static readonly string[] Verbs = ["found", "saw", "lost", "made", "took", "read", "hid", "fixed"];
    private static readonly string[] Adjectives = ["old", "new", "small", "dark", "red", "secret"];
    private static readonly string[] Nouns = ["map", "owl", "book", "wand", "spell", "cloak", "key", "door"];
    private static readonly string[] Places =
        ["in the castle", "near the lake", "at the tower", "under the stairs", "by the forest", "in the library"];
    private static readonly string[] Glue = ["a", "an", "the", "and", "said", "that", "was", "then", "he", "she"];

    /// <summary>Every word the grammar can write, lowercase.</summary>
    public static IReadOnlySet<string> Words { get; } = new HashSet<string>(
        Names.Concat(Verbs).Concat(Adjectives).Concat(Nouns).Concat(Glue)
            .Concat(Places.SelectMany(place => place.Split(' '))), StringComparer.Ordinal);

    /// <summary>
    /// <paramref name="sentences"/> sentences joined by single spaces, each ending in '.'. The characters are
    /// lowercase letters, ' ' and '.'.
    /// </summary>
    /// <param name="sentences">How many sentences, at least 1.</param>
    /// <param name="seed">The seed: the same seed gives the same text.</param>
    public static string Generate(int sentences, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sentences);
        var random = new Random(seed);
        var text = new StringBuilder();
        int lastName = 0;
        for (int s = 0; s < sentences; s++)
        {
            if (s > 0)
            {
                text.Append(' ');
            }
            int name = random.Next(Names.Count);
            string verb = Pick(random, Verbs);
            switch (random.Next(4))
            {
                case 0:
                    text.Append($"{Names[name]} {verb} {NounPhrase(random, definite: false)} {Pick(random, Places)}.");
                    break;
                case 1:
                    int other = (name + 1 + random.Next(Names.Count - 1)) % Names.Count;
                    text.Append($"{Names[name]} and {Names[other]} {verb} {NounPhrase(random, definite: false)}.");
                    break;
                case 2:
                    text.Append($"{Names[name]} said that {NounPhrase(random, definite: true)} was {Pick(random, Adjectives)}.");
                    break;
                default:
                    name = lastName; // "then he ..." goes on about the name of the sentence before
                    text.Append($"then {(name < 3 ? "he" : "she")} {verb} {NounPhrase(random, definite: false)} {Pick(random, Places)}.");
                    break;
            }
            lastName = name;
        }
        return text.ToString();
    }

    /// <summary>
    /// The words of <paramref name="text"/>: its runs of letters. A last run that reaches the end of the text
    /// is left out, since a sample cut off there may have cut the word.
    /// </summary>
    public static IReadOnlyList<string> SplitWords(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var words = new List<string>();
        int start = -1;
        for (int i = 0; i < text.Length; i++)
        {
            bool letter = char.IsLetter(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                words.Add(text[start..i]);
                start = -1;
            }
        }
        return words;
    }

    /// <summary>
    /// The share of the words of <paramref name="text"/> (<see cref="SplitWords"/>) that are in <see cref="Words"/>:
    /// 1 for text the grammar could have written, near 0 for random letters.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds no complete word.</exception>
    public static double RealWordShare(string text)
    {
        var words = SplitWords(text);
        if (words.Count == 0)
        {
            throw new ArgumentException($"text \"{text}\" holds no complete word (a run of letters followed by a non-letter).", nameof(text));
        }
        return (double)words.Count(Words.Contains) / words.Count;
    }

    private static string NounPhrase(Random random, bool definite)
    {
        string noun = Pick(random, Nouns);
        string? adjective = random.Next(2) == 0 ? Pick(random, Adjectives) : null;
        string head = adjective is null ? noun : $"{adjective} {noun}";
        string article = definite || random.Next(2) == 0 ? "the" : "aeiou".Contains(head[0]) ? "an" : "a";
        return $"{article} {head}";
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];
}
