namespace RnnNotebooks.Data;

/// <summary>
/// The sentence frames of one part of the bundled sentiment set. Training and dev sentences come from
/// <see cref="Train"/>, test sentences from <see cref="Test"/>: the two share no frame, so a test sentence is never a
/// training sentence with other words in its slots. Both share the polarity words (<see cref="Positive"/>,
/// <see cref="Negative"/>), the intensifiers and the hedges, which a model must learn from training.
/// <para>
/// Slots: {np} the thing reviewed with its determiner ("the plot", "this movie"), {n} a bare aspect noun ("their {n}"), {adj} an
/// adjective of the clause's polarity (the opposite one in negated frames), {v} a verb of that polarity, {again} the
/// domain's "watch it again", and {was-not}, {is-not}, {did-not}, {do-not}, {would-not}, {can-not}, {will-not}: the
/// negated auxiliary, written in full or contracted ("wasn't", "can't", "won't") at random.
/// Verb slots, each filled by polarity: {v} "loved" / "hated", {tv} "impressed" / "disappointed", {vbase} and {tvbase}
/// their base forms, {recommend} "recommend" / "complain about", {againv} "want to watch it again" / "regret it"; {s} a
/// word for the whole thing ("movie").
/// </para>
/// </summary>
/// <param name="Adjective">Frames with {adj} whose polarity is the clause's.</param>
/// <param name="Verb">Frames with {v} whose polarity is the clause's: "I {v} the {n}" (loved / hated).</param>
/// <param name="NegatedAdjective">Frames in which "not" or "never" comes before an {adj} of the opposite polarity.</param>
/// <param name="NegatedVerb">Frames in which "not" or "never" comes before a {v} of the opposite polarity.</param>
/// <param name="Contrast">Joins of two clauses {c1} and {c2} of opposite polarity in which {c2} decides.</param>
/// <param name="Openers">What may start a sentence ("" for nothing).</param>
/// <param name="Trailers">Neutral phrases that may follow a clause ("this time"), so the polarity word is not always last.</param>
public sealed record SentimentPhrasebook(
    IReadOnlyList<string> Adjective,
    IReadOnlyList<string> Verb,
    IReadOnlyList<string> NegatedAdjective,
    IReadOnlyList<string> NegatedVerb,
    IReadOnlyList<string> Contrast,
    IReadOnlyList<string> Openers,
    IReadOnlyList<string> Trailers)
{
    /// <summary>Positive adjectives.</summary>
    public static IReadOnlyList<string> Positive { get; } =
        ["great", "excellent", "wonderful", "fantastic", "superb", "lovely", "brilliant", "amazing", "delightful", "good",
         "nice", "outstanding", "impressive", "enjoyable", "perfect", "pleasant", "solid", "charming", "decent", "terrific"];

    /// <summary>Negative adjectives.</summary>
    public static IReadOnlyList<string> Negative { get; } =
        ["terrible", "awful", "bad", "horrible", "dreadful", "poor", "disappointing", "mediocre", "dull", "boring",
         "bland", "weak", "annoying", "unpleasant", "lousy", "pathetic", "sloppy", "miserable", "forgettable", "awkward"];

    /// <summary>Words that make an adjective stronger; the polarity stays.</summary>
    public static IReadOnlyList<string> Intensifiers { get; } =
        ["very", "really", "truly", "absolutely", "extremely", "incredibly", "so", "remarkably", "genuinely"];

    /// <summary>Words that make an adjective weaker; the polarity stays.</summary>
    public static IReadOnlyList<string> Hedges { get; } = ["fairly", "quite", "pretty", "rather", "somewhat", "mostly", "reasonably"];

    /// <summary>Verbs of a person about a thing, in the past: positive, then negative ("I loved the plot").</summary>
    public static (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) PersonVerbs { get; } =
        (["loved", "enjoyed", "liked", "adored", "appreciated"], ["hated", "disliked", "regretted", "resented", "loathed"]);

    /// <summary>The base forms of <see cref="PersonVerbs"/> ("I didn't love the plot").</summary>
    public static (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) PersonVerbBases { get; } =
        (["love", "enjoy", "like", "adore", "appreciate"], ["hate", "dislike", "regret", "resent", "mind"]);

    /// <summary>The base forms of <see cref="ThingVerbs"/> ("the plot didn't impress me").</summary>
    public static (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) ThingVerbBases { get; } =
        (["impress", "delight", "please", "amaze", "thrill"], ["disappoint", "bore", "annoy", "upset", "frustrate"]);

    /// <summary>Verbs of a thing about a person, in the past ("the plot impressed me").</summary>
    public static (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) ThingVerbs { get; } =
        (["impressed", "delighted", "pleased", "amazed", "thrilled"], ["disappointed", "bored", "annoyed", "upset", "frustrated"]);

    /// <summary>A second clause that says how a first one ended: positive, then negative ("the pool made up for it").</summary>
    public static (IReadOnlyList<string> Positive, IReadOnlyList<string> Negative) Verdicts { get; } =
        (["{np} made up for it", "{np} saved the day", "{np} more than made up for it", "{np} saved it"],
         ["{np} ruined it", "{np} spoiled everything", "{np} let it down", "{np} ruined the whole thing"]);

    /// <summary>The frames of training and dev sentences.</summary>
    public static SentimentPhrasebook Train { get; } = new(
        Adjective: ["{np} was {adj}", "{np} is {adj}", "I found {np} {adj}", "we thought {np} was {adj}", "{np} looked {adj}",
            "their {n} is {adj}", "{np} was {adj} as always", "{np} was {adj} from start to finish", "{np} is {adj} for the price",
            "{np} seemed {adj} to us", "{np} felt {adj}", "I thought {np} was {adj} overall", "{np} has been {adj} so far",
            "our friends found {np} {adj}", "{np} was just {adj}"],
        Verb: ["I {v} {np}", "we {v} {np}", "{np} {tv} me", "{np} {tv} us", "my wife {v} {np}", "I would {recommend} this {s}",
            "you will {againv}", "the kids {v} {np}", "{np} {tv} everyone", "we all {v} {np}"],
        NegatedAdjective: ["{np} {was-not} {adj}", "{np} {is-not} {adj}", "{np} {was-not} {adj} at all", "I {did-not} find {np} {adj}",
            "{np} was never {adj}", "there was nothing {adj} about {np}", "I {do-not} think {np} is {adj}", "{np} {is-not} {adj} at all",
            "{np} {did-not} look {adj}", "{np} never seemed {adj}", "I {would-not} say {np} was {adj}", "we {did-not} find {np} {adj} at all",
            "{np} {was-not} really {adj}", "nothing about {np} was {adj}"],
        NegatedVerb: ["I {did-not} {vbase} {np}", "{np} {did-not} {tvbase} me", "{np} never {tv} me", "I was never {tv}",
            "I {can-not} {recommend} {np}", "you {will-not} {againv}", "I {would-not} {recommend} this {s}", "we {did-not} {vbase} {np} at all",
            "{np} {did-not} {tvbase} anybody", "the kids {did-not} {vbase} {np}", "we were never {tv}"],
        Contrast: ["{c1} but {c2}", "{c1}, but {c2}", "although {c1}, {c2}", "{c1}; however, {c2}", "{c1}. however, {c2}", "{c1}, but then {c2}"],
        Openers: ["", "", "", "", "overall, ", "honestly, ", "to be honest, ", "well, ", "so, ", "in short, "],
        Trailers: ["this time", "last night", "for once", "to be fair", "in my view", "so far", "on our visit", "as expected", "today",
            "if you ask me"]);

    /// <summary>The frames of test sentences: none of them is a training frame.</summary>
    public static SentimentPhrasebook Test { get; } = new(
        Adjective: ["{np} felt {adj} to me", "my partner said {np} was {adj}", "{np} struck me as {adj}", "{np} turned out {adj}",
            "everyone agreed that {np} was {adj}", "{np} seemed {adj} the whole time"],
        Verb: ["my friends {v} {np}", "we both {v} {np}", "{np} really {tv} my family", "honestly I {v} {np}",
            "trust me, you will {againv}"],
        NegatedAdjective: ["{np} {did-not} seem {adj}", "I {would-not} call {np} {adj}", "{np} never felt {adj}",
            "{np} {was-not} {adj} in any way", "we {did-not} think {np} was {adj}"],
        NegatedVerb: ["my friends {did-not} {vbase} {np}", "{np} never {tv} anyone", "honestly, you {will-not} {againv}",
            "{np} {did-not} {tvbase} us"],
        Contrast: ["{c1}, but {c2}", "{c1} but {c2}", "even though {c1}, {c2}", "{c1}. But {c2}"],
        Openers: ["", "", "", "all in all, ", "frankly, ", "in the end, "],
        Trailers: ["on the day", "from what I saw", "this week", "if I am honest", "for us"]);
}
