namespace RnnNotebooks.Tasks;

/// <summary>The confusion matrix of a binary classifier on labelled examples (positive = 1), and the scores read from it.</summary>
/// <param name="TruePositives">Gold 1, predicted 1.</param>
/// <param name="FalseNegatives">Gold 1, predicted 0.</param>
/// <param name="FalsePositives">Gold 0, predicted 1.</param>
/// <param name="TrueNegatives">Gold 0, predicted 0.</param>
public sealed record BinaryConfusion(int TruePositives, int FalseNegatives, int FalsePositives, int TrueNegatives)
{
    /// <summary>The number of examples.</summary>
    public int Count => TruePositives + FalseNegatives + FalsePositives + TrueNegatives;

    /// <summary>The share predicted right; 0 for no examples.</summary>
    public double Accuracy => Count == 0 ? 0 : (double)(TruePositives + TrueNegatives) / Count;

    /// <summary>The counts as a 2 x 2 array, rows gold (0, 1), columns predicted (0, 1).</summary>
    public double[,] ToArray() => new double[,] { { TrueNegatives, FalsePositives }, { FalseNegatives, TruePositives } };

    /// <summary>Counts gold labels against predicted ones.</summary>
    /// <param name="gold">The labels, 0 or 1.</param>
    /// <param name="predicted">The predictions, 0 or 1, as many.</param>
    /// <exception cref="ArgumentException">The two lists differ in length.</exception>
    public static BinaryConfusion Of(IReadOnlyList<int> gold, IReadOnlyList<int> predicted)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        if (gold.Count != predicted.Count)
        {
            throw new ArgumentException($"{gold.Count} gold labels but {predicted.Count} predictions; need one per example.", nameof(predicted));
        }
        int tp = 0, fn = 0, fp = 0, tn = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            (tp, fn, fp, tn) = (gold[i], predicted[i]) switch
            {
                (1, 1) => (tp + 1, fn, fp, tn),
                (1, _) => (tp, fn + 1, fp, tn),
                (_, 1) => (tp, fn, fp + 1, tn),
                _ => (tp, fn, fp, tn + 1),
            };
        }
        return new BinaryConfusion(tp, fn, fp, tn);
    }
}
