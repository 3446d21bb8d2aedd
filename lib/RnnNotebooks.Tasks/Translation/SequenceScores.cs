namespace RnnNotebooks.Tasks;

/// <summary>How close outputs are to the expected ones: the share exactly right, and the share of characters right.</summary>
public static class SequenceScores
{
    /// <summary>The share of outputs equal to their expected text.</summary>
    public static double ExactMatch(IReadOnlyList<string> expected, IReadOnlyList<string> outputs)
    {
        Check(expected, outputs);
        return expected.Count == 0 ? 0 : expected.Zip(outputs).Count(p => p.First == p.Second) / (double)expected.Count;
    }

    /// <summary>
    /// The share of expected characters that the output has at the same position: for yyyy-mm-dd, 10 positions a date.
    /// A missing character (an output too short) is wrong; extra characters cost nothing more.
    /// </summary>
    public static double CharacterAccuracy(IReadOnlyList<string> expected, IReadOnlyList<string> outputs)
    {
        Check(expected, outputs);
        long right = 0, total = 0;
        foreach (var (e, o) in expected.Zip(outputs))
        {
            total += e.Length;
            for (int i = 0; i < e.Length && i < o.Length; i++)
            {
                right += e[i] == o[i] ? 1 : 0;
            }
        }
        return total == 0 ? 0 : right / (double)total;
    }

    private static void Check(IReadOnlyList<string> expected, IReadOnlyList<string> outputs)
    {
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(outputs);
        if (expected.Count != outputs.Count)
        {
            throw new ArgumentException($"{outputs.Count} outputs for {expected.Count} expected texts.", nameof(outputs));
        }
    }
}
