namespace RnnNotebooks.Exercises;

/// <summary>One extension kept by a beam-search step (see <see cref="BeamStepFunction"/>).</summary>
/// <param name="Hypothesis">Which of the k hypotheses it extends, 0 .. k - 1, in the order given.</param>
/// <param name="Token">The token y&lt;t&gt; it appends, 0 .. n_y - 1.</param>
/// <param name="Score">Its log-probability: the hypothesis's score plus log yHat&lt;t&gt;[Token].</param>
public sealed record BeamExtension(int Hypothesis, int Token, double Score);
