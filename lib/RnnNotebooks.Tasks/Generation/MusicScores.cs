namespace RnnNotebooks.Tasks;

/// <summary>Scores of music models in the unit the baselines use: nats per note event (each melody's end one more event).</summary>
public static class MusicScores
{
    /// <summary>
    /// The RNN's mean negative log-likelihood per note event of note token sequences: the log-probabilities of a note's
    /// pitch and duration tokens add up to the note's, and the end is one event.
    /// </summary>
    public static double NegativeLogLikelihoodPerNote(TokenLanguageModel model, IReadOnlyList<int[]> sequences)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(sequences);
        var (total, _, _) = model.NegativeLogLikelihood(sequences);
        int events = sequences.Sum(s => s.Length / 2 + 1);
        return total / events;
    }
}
