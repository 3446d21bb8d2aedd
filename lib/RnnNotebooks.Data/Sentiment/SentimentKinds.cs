namespace RnnNotebooks.Data;

/// <summary>The kinds of sentence in the bundled sentiment set: what decides the label, and where in the sentence.</summary>
public static class SentimentKinds
{
    /// <summary>One clause whose polarity words give the label: "the food was great."</summary>
    public const string Plain = "plain";

    /// <summary>One clause with an intensifier before its adjective: "the plot was truly awful."</summary>
    public const string Intensified = "intensified";

    /// <summary>One clause with a hedge before its adjective: "the room was fairly nice."</summary>
    public const string Hedged = "hedged";

    /// <summary>
    /// One clause in which "not", "never" or "nothing" flips the polarity of the word after it: "the soup wasn't bad at
    /// all." A bag of words sees "bad" and "not" whatever their order.
    /// </summary>
    public const string Negated = "negated";

    /// <summary>
    /// Two clauses of opposite polarity joined so that the second decides: "great food, but the service ruined it." A
    /// bag of words sees both polarities.
    /// </summary>
    public const string Contrast = "contrast";

    /// <summary>Every kind, in the order above.</summary>
    public static IReadOnlyList<string> All { get; } = [Plain, Intensified, Hedged, Negated, Contrast];

    /// <summary>True for the kinds whose label depends on word order: <see cref="Negated"/> and <see cref="Contrast"/>.</summary>
    /// <param name="kind">A kind, or null.</param>
    public static bool DependsOnOrder(string? kind) => kind is Negated or Contrast;
}
