namespace RnnNotebooks;

/// <summary>
/// A named parameter (or gradient) array with its shape, as optimisers, clipping and gradient checks see
/// it. <see cref="Values"/> is the live storage, not a copy.
/// </summary>
/// <param name="Name">The note's name, e.g. "Waa" or "dWaa".</param>
/// <param name="Values">The values, row-major.</param>
/// <param name="Rows">Rows (n for a bias vector of length n).</param>
/// <param name="Cols">Columns (1 for a bias vector).</param>
public readonly record struct ParameterView(string Name, double[] Values, int Rows, int Cols)
{
    /// <summary>True for a bias vector of length <see cref="Rows"/>: saved with shape [Rows], not [Rows, 1].</summary>
    public bool IsVector { get; init; }

    /// <summary>The shape as a file stores it: [Rows] for a vector, else [Rows, Cols].</summary>
    public int[] Shape => IsVector ? [Rows] : [Rows, Cols];
}
