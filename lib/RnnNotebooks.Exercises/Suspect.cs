namespace RnnNotebooks.Exercises;

/// <summary>A usual wrong answer and what it means: when the reader's result equals <paramref name="Wrong"/>, the message says <paramref name="Cause"/>.</summary>
/// <param name="Cause">What the reader most likely did, e.g. "the recurrent term Waa a&lt;t-1&gt; is missing".</param>
/// <param name="Wrong">The value that mistake gives, any shape.</param>
internal sealed record Suspect(string Cause, Matrix Wrong)
{
    /// <summary>A usual wrong vector, e.g. a bias gradient, as a column.</summary>
    public Suspect(string cause, double[] wrong)
        : this(cause, new Matrix(wrong.Length, 1, wrong))
    {
    }
}
