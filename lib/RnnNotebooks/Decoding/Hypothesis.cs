namespace RnnNotebooks;

/// <summary>An output sequence a search found, with its log-probability and its length-normalised score.</summary>
/// <param name="Tokens">y&lt;1&gt; .. y&lt;Ty&gt;, the end token last when it was written (not the start token).</param>
/// <param name="LogProbability">log P(y | x) = sum_t log yHat&lt;t&gt;[y&lt;t&gt;].</param>
/// <param name="Score">The score the search ranked it by: log P(y | x) / Ty^alpha.</param>
public sealed record Hypothesis(IReadOnlyList<int> Tokens, double LogProbability, double Score);
