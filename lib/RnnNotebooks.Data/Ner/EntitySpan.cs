namespace RnnNotebooks.Data;

/// <summary>One entity in a sentence: its type and the tokens it covers, [Start, End).</summary>
/// <param name="Type">PER, LOC, ORG or MISC.</param>
/// <param name="Start">The 0-based index of its first token.</param>
/// <param name="End">The index one past its last token.</param>
public readonly record struct EntitySpan(string Type, int Start, int End)
{
    /// <summary>The number of tokens it covers.</summary>
    public int Length => End - Start;
}
