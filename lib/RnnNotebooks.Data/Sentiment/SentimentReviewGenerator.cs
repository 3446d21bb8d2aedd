using System.Text;
using System.Text.RegularExpressions;

namespace RnnNotebooks.Data;

/// <summary>
/// Writes the bundled sentiment set (data/sentiment): short reviews of films, restaurants, products and hotels from
/// the frames of <see cref="SentimentPhrasebook"/>, balanced positive/negative, of five kinds (<see cref="SentimentKinds"/>)
/// chosen so that word order matters: in a negated sentence "not" flips the polarity word after it, in a contrast the
/// clause after "but" decides. Polarity words occur as often in positive as in negative sentences, so a bag of words
/// cannot read those two kinds.
/// <para>
/// Train and dev sentences use the training frames and aspects, test sentences the test frames and aspects (none shared),
/// and no sentence occurs twice in the whole set. Seeded with <see cref="Random"/>: the same seed writes the same files.
/// </para>
/// </summary>
public static partial class SentimentReviewGenerator
{
    /// <summary>The seed of the committed files.</summary>
    public const int DefaultSeed = 2026;

    /// <summary>The sizes of the committed splits.</summary>
    public static (int Train, int Dev, int Test) DefaultSizes => (1600, 200, 400);

    /// <summary>The share of each kind, in the order of <see cref="SentimentKinds.All"/>.</summary>
    public static IReadOnlyList<double> KindShares { get; } = [0.2, 0.1, 0.1, 0.3, 0.3];

    /// <summary>The three splits: train and dev from the training frames, test from the test frames, each balanced.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="sizes">Sentences per split (even numbers keep each exactly balanced); null for <see cref="DefaultSizes"/>.</param>
    public static SentimentSplits Generate(int seed = DefaultSeed, (int Train, int Dev, int Test)? sizes = null)
    {
        var (train, dev, test) = sizes ?? DefaultSizes;
        var random = new Random(seed);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return new SentimentSplits(
            Split(train, SentimentPhrasebook.Train, testAspects: false, random, seen),
            Split(dev, SentimentPhrasebook.Train, testAspects: false, random, seen),
            Split(test, SentimentPhrasebook.Test, testAspects: true, random, seen));
    }

    /// <summary>One review of a given label and kind.</summary>
    /// <param name="label">1 positive, 0 negative.</param>
    /// <param name="kind">One of <see cref="SentimentKinds.All"/>.</param>
    /// <param name="book">The frames to use.</param>
    /// <param name="domain">What is reviewed.</param>
    /// <param name="testAspects">Name the domain's test aspects instead of its training ones.</param>
    /// <param name="random">The random source (advanced).</param>
    public static string Review(int label, string kind, SentimentPhrasebook book, SentimentDomain domain, bool testAspects, Random random)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(random);
        var ctx = new Context(book, domain, testAspects ? domain.TestAspects : domain.TrainAspects, random);
        string body = kind switch
        {
            SentimentKinds.Plain => ctx.Plain(label, modifier: null),
            SentimentKinds.Intensified => ctx.Plain(label, SentimentPhrasebook.Intensifiers),
            SentimentKinds.Hedged => ctx.Plain(label, SentimentPhrasebook.Hedges),
            SentimentKinds.Negated => ctx.Negated(label),
            SentimentKinds.Contrast => ctx.Contrast(label),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind '{kind}' is not one of {string.Join(", ", SentimentKinds.All)}."),
        };
        string end = random.NextDouble() < 0.15 ? "!" : ".";
        return Capitalise(Pick(random, book.Openers) + body + end);
    }

    private static List<SentimentExample> Split(int count, SentimentPhrasebook book, bool testAspects, Random random, HashSet<string> seen)
    {
        var examples = new List<SentimentExample>(count);
        for (int i = 0; i < count; i++)
        {
            int label = i % 2;
            string kind = KindAt(i / 2, count / 2);
            string text;
            do
            {
                text = Review(label, kind, book, Pick(random, SentimentDomain.All), testAspects, random);
            }
            while (!seen.Add(text));
            examples.Add(new SentimentExample(text, label, kind));
        }
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(examples));
        return examples;
    }

    /// <summary>The kind of the k-th of n sentences of one label: the kinds in blocks sized by <see cref="KindShares"/>.</summary>
    private static string KindAt(int k, int n)
    {
        double position = (k + 0.5) / Math.Max(1, n), cumulative = 0;
        for (int i = 0; i < KindShares.Count; i++)
        {
            cumulative += KindShares[i];
            if (position < cumulative)
            {
                return SentimentKinds.All[i];
            }
        }
        return SentimentKinds.All[^1];
    }

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    [GeneratedRegex(@"\{([a-z0-9-]+)\}")]
    private static partial Regex Slot();

    /// <summary>One review being written: the frames, the domain and the random source.</summary>
    private sealed class Context(SentimentPhrasebook book, SentimentDomain domain, IReadOnlyList<string> aspects, Random random)
    {
        /// <summary>A clause of polarity p from an adjective or verb frame, the adjective after a modifier when given.</summary>
        public string Plain(int p, IReadOnlyList<string>? modifier)
        {
            bool verb = modifier is null && random.NextDouble() < 0.35;
            string frame = Pick(random, verb ? book.Verb : book.Adjective);
            return Fill(frame, p, modifier) + Trailer();
        }

        /// <summary>A clause of polarity p in which a negation comes before a word of polarity 1 - p.</summary>
        public string Negated(int p)
        {
            string frame = Pick(random, random.NextDouble() < 0.5 ? book.NegatedVerb : book.NegatedAdjective);
            return Fill(frame, 1 - p, modifier: null) + Trailer();
        }

        /// <summary>" " and a neutral trailing phrase, one time in five; else nothing.</summary>
        private string Trailer() => random.NextDouble() < 0.2 ? " " + Pick(random, book.Trailers) : "";

        /// <summary>Two clauses, the first of polarity 1 - p, the second (which decides) of polarity p.</summary>
        public string Contrast(int p)
        {
            string first = random.NextDouble() < 0.7 ? Plain(1 - p, null) : Negated(1 - p);
            double r = random.NextDouble();
            string second = r < 0.25
                ? Fill(Pick(random, p == 1 ? SentimentPhrasebook.Verdicts.Positive : SentimentPhrasebook.Verdicts.Negative), p, null)
                : r < 0.7 ? Plain(p, null) : Negated(p);
            return Pick(random, book.Contrast).Replace("{c1}", first, StringComparison.Ordinal).Replace("{c2}", second, StringComparison.Ordinal);
        }

        /// <summary>The frame with every slot filled; polarity words of polarity <paramref name="q"/>.</summary>
        private string Fill(string frame, int q, IReadOnlyList<string>? modifier) =>
            Slot().Replace(frame, m => Word(m.Groups[1].Value, q, modifier));

        private string Word(string slot, int q, IReadOnlyList<string>? modifier) => slot switch
        {
            "np" => random.NextDouble() < 0.25 ? $"this {Pick(random, domain.Subjects)}" : $"the {Pick(random, aspects)}",
            "n" => Pick(random, aspects),
            "s" => Pick(random, domain.Subjects),
            "adj" => (modifier is null ? "" : Pick(random, modifier) + " ") + Polar(q, SentimentPhrasebook.Positive, SentimentPhrasebook.Negative),
            "v" => Polar(q, SentimentPhrasebook.PersonVerbs),
            "tv" => Polar(q, SentimentPhrasebook.ThingVerbs),
            "vbase" => Polar(q, SentimentPhrasebook.PersonVerbBases),
            "tvbase" => Polar(q, SentimentPhrasebook.ThingVerbBases),
            "recommend" => q == 1 ? "recommend" : "complain about",
            "againv" => q == 1 ? $"want to {domain.Again}" : "regret it",
            _ when slot.EndsWith("-not", StringComparison.Ordinal) => NegatedAuxiliary(slot[..^4]),
            _ => throw new InvalidOperationException($"the frame slot {{{slot}}} has no filler."),
        };

        private string Polar(int q, (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) words) =>
            Polar(q, words.Positive, words.Negative);

        private string Polar(int q, IReadOnlyList<string> positive, IReadOnlyList<string> negative) =>
            Pick(random, q == 1 ? positive : negative);

        /// <summary>"was not" or "wasn't", "can not", "cannot" or "can't", "will not" or "won't", ...</summary>
        private string NegatedAuxiliary(string auxiliary)
        {
            bool contracted = random.NextDouble() < 0.5;
            return (auxiliary, contracted) switch
            {
                ("can", true) => "can't",
                ("can", false) => random.NextDouble() < 0.5 ? "cannot" : "can not",
                ("will", true) => "won't",
                (_, true) => auxiliary + "n't",
                _ => auxiliary + " not",
            };
        }
    }
}
