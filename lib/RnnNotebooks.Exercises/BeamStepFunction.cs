namespace RnnNotebooks.Exercises;

/// <summary>
/// The reader's step of beam search (<see cref="SequenceSearch.Beam"/>): every one of the k hypotheses is extended by
/// every token, log P(y&lt;1..t&gt;) = log P(y&lt;1..t-1&gt;) + log yHat&lt;t&gt;[y&lt;t&gt;], and the k highest of the k n_y
/// candidates are kept, best first. Ties are broken as the library breaks them: candidates are listed hypothesis by
/// hypothesis, token by token within one, and among equal scores the one listed first wins (a stable sort).
/// </summary>
/// <param name="scores">log P(y&lt;1..t-1&gt;) of the k hypotheses, best first (as the beam keeps them), length k.</param>
/// <param name="logProbabilities">log yHat&lt;t&gt;: column h holds hypothesis h's next-token log-probabilities, shape (n_y, k).</param>
/// <returns>The k best extensions, best first.</returns>
public delegate BeamExtension[] BeamStepFunction(double[] scores, Matrix logProbabilities);
