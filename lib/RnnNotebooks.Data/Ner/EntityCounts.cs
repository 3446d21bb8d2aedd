namespace RnnNotebooks.Data;

/// <summary>Entity counts of one type (or of all types, for the micro average) and the scores they give.</summary>
/// <param name="Correct">Predicted entities whose type and span match a gold entity exactly.</param>
/// <param name="Predicted">Predicted entities.</param>
/// <param name="Support">Gold entities.</param>
public sealed record EntityCounts(int Correct, int Predicted, int Support)
{
    /// <summary>Correct / Predicted, 0 when nothing was predicted.</summary>
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;

    /// <summary>Correct / Support, 0 when there is no gold entity.</summary>
    public double Recall => Support == 0 ? 0 : (double)Correct / Support;

    /// <summary>The harmonic mean 2PR / (P + R), 0 when both are 0.</summary>
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    /// <summary>The counts of two groups together.</summary>
    public static EntityCounts operator +(EntityCounts a, EntityCounts b) =>
        new(a.Correct + b.Correct, a.Predicted + b.Predicted, a.Support + b.Support);
}
