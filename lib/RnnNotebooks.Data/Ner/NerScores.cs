namespace RnnNotebooks.Data;

/// <summary>The scores of a tagger on a set of sentences, CoNLL style (see <see cref="EntityScorer"/>).</summary>
/// <param name="PerType">The counts and scores of each entity type, by type (PER, LOC, ORG, MISC).</param>
/// <param name="Micro">All entities together: its F1 is the micro-averaged F1, the CoNLL headline figure.</param>
/// <param name="TokenAccuracy">The fraction of tokens whose predicted tag equals the gold tag, O included.</param>
public sealed record NerScores(IReadOnlyDictionary<string, EntityCounts> PerType, EntityCounts Micro, double TokenAccuracy);
