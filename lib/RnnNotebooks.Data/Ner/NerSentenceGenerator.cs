using Bogus;

namespace RnnNotebooks.Data;

/// <summary>
/// Generated training sentences for the bundled NER set (data/ner/train.generated.conll): templates whose slots
/// are filled with Bogus's invented people, towns and companies, so a tagger sees many names it cannot have
/// memorised. A template's other words are tagged O, and some are the traps of the hand-written set: "May" the
/// month, "apple", "Turkey" the food at the start of a sentence, "The" and "Yesterday" capitalised.
/// Bogus is pinned (35.6.5): the same count and seed give the same file byte for byte.
/// </summary>
public static class NerSentenceGenerator
{
    /// <summary>The number of sentences in the committed file.</summary>
    public const int DefaultCount = 320;

    /// <summary>The seed of the committed file.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>Sentences per document (the file separates documents with "-DOCSTART- O").</summary>
    public const int SentencesPerDocument = 20;

    private static readonly string[] Nationalities = ["German", "Canadian", "Brazilian", "Italian", "Dutch", "Kenyan", "Swedish", "Mexican"];

    private static readonly string[] Languages = ["Spanish", "Portuguese", "Swahili", "Dutch", "German", "Italian", "Polish"];

    private static readonly string[] ClubWords = ["United", "Rovers", "Athletic", "Wanderers"];

    private static readonly string[] EventWords = ["Marathon", "Film Festival", "Open", "Jazz Festival", "Book Fair"];

    private static readonly Dictionary<string, (string Type, Func<Faker, string> Fill)> Slots = new()
    {
        ["PER"] = ("PER", f => $"{f.Name.FirstName()} {f.Name.LastName()}"),
        ["SUR"] = ("PER", f => f.Name.LastName()),
        ["CITY"] = ("LOC", f => f.Address.City()),
        ["STATE"] = ("LOC", f => f.Address.State()),
        ["ORG"] = ("ORG", f => f.Company.CompanyName(f.Random.Number(0, 1)).Replace(" - ", "-", StringComparison.Ordinal)),
        ["CLUB"] = ("ORG", f => $"{f.Address.City()} {f.PickRandom(ClubWords)}"),
        ["UNI"] = ("ORG", f => $"University of {f.Address.City()}"),
        ["NAT"] = ("MISC", f => f.PickRandom(Nationalities)),
        ["LANG"] = ("MISC", f => f.PickRandom(Languages)),
        ["EVENT"] = ("MISC", f => $"{f.Address.City()} {f.PickRandom(EventWords)}"),
    };

    /// <summary>The templates: words separated by spaces, slots in braces.</summary>
    public static IReadOnlyList<string> Templates { get; } =
    [
        "{PER} , who joined {ORG} in 2019 , said the deal would close by May .",
        "Shares of {ORG} rose 4 percent in {CITY} on Tuesday .",
        "{SUR} scored twice as {CLUB} beat {CLUB} 3-1 on Saturday .",
        "The {NAT} delegation arrived in {CITY} yesterday .",
        "Yesterday {PER} opened a bakery in {CITY} that sells apple pies .",
        "{PER} studied chemistry at the {UNI} before moving to {STATE} .",
        "Tickets for the {EVENT} sold out within an hour .",
        "According to {PER} , most families in {CITY} speak {LANG} at home .",
        "{ORG} hired {PER} as chief executive in May .",
        "The mayor of {CITY} , {PER} , opened the new library on Friday .",
        "Police in {STATE} said {SUR} had been released without charge .",
        "{PER} won the {EVENT} for the second year running .",
        "A {NAT} team led by {PER} found the fossil near {CITY} .",
        "Analysts at {ORG} expect prices to fall in {STATE} this year .",
        "{CLUB} signed the {NAT} striker {PER} on a three-year contract .",
        "Turkey and ham sandwiches were served at the {EVENT} .",
        "{PER} translated the report from {LANG} into {LANG} .",
        "Workers at the {ORG} plant in {CITY} voted to strike .",
        "Officials from the {UNI} and {ORG} signed the agreement in {CITY} .",
        "{SUR} 's new book describes growing up in {CITY} .",
        "Last week {PER} told reporters that {ORG} would not cut jobs .",
        "The river flooded parts of {CITY} , and {SUR} urged people to stay indoors .",
        "In {STATE} , {PER} grows apples and pears on a small farm .",
        "{PER} , a {NAT} engineer , designed the bridge over the river .",
        "Fans of {CLUB} waited outside the stadium in {CITY} for hours .",
        "Reporters asked {SUR} whether {ORG} would sell its stake .",
        "This summer the {EVENT} moves from {CITY} to {CITY} .",
        "{PER} and {PER} founded {ORG} in a garage in {CITY} .",
        "Most of the staff at {ORG} speak {LANG} .",
        "May was the wettest month in {STATE} since records began , said {PER} .",
        "The coach of {CLUB} , {PER} , was sacked after the defeat .",
        "{SUR} , the {NAT} champion , withdrew from the {EVENT} with an injury .",
    ];

    /// <summary>The sentences: each a random template with its slots filled.</summary>
    /// <param name="count">How many sentences.</param>
    /// <param name="seed">The seed of Bogus's randomizer.</param>
    public static IReadOnlyList<NerSentence> Generate(int count, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var faker = new Faker("en") { Random = new Randomizer(seed) };
        return Enumerable.Range(0, count).Select(_ => Fill(faker.PickRandom(Templates.ToArray()), faker)).ToList();
    }

    /// <summary>The text of train.generated.conll: the sentences in documents of <see cref="SentencesPerDocument"/>.</summary>
    /// <param name="count">How many sentences.</param>
    /// <param name="seed">The seed.</param>
    public static string GenerateConll(int count = DefaultCount, int seed = DefaultSeed)
    {
        var documents = Generate(count, seed).Chunk(SentencesPerDocument).Select(chunk => new NerDocument(chunk));
        using var writer = new StringWriter();
        ConllWriter.Write(writer, documents);
        return writer.ToString();
    }

    private static NerSentence Fill(string template, Faker faker)
    {
        var tokens = new List<string>();
        var tags = new List<string>();
        foreach (string word in template.Split(' '))
        {
            if (word.StartsWith('{'))
            {
                var (type, fill) = Slots[word[1..^1]];
                var words = fill(faker).Split(' ', StringSplitOptions.RemoveEmptyEntries);
                tokens.AddRange(words);
                tags.AddRange(words.Select((_, i) => (i == 0 ? "B-" : "I-") + type));
            }
            else
            {
                tokens.Add(word);
                tags.Add(IobTags.Outside);
            }
        }
        return new NerSentence(tokens, tags);
    }
}
