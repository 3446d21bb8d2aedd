namespace RnnNotebooks;

/// <summary>Arrays of per-step (rows, m) matrices, as caches and gradients hold them.</summary>
internal static class StepMatrices
{
    /// <summary><paramref name="count"/> zero matrices of shape (rows, m).</summary>
    public static Matrix[] Make(int count, int rows, int m)
    {
        var steps = new Matrix[count];
        for (int t = 0; t < count; t++)
        {
            steps[t] = new Matrix(rows, m);
        }
        return steps;
    }

    /// <summary><paramref name="existing"/> when it already holds <paramref name="steps"/> (rows, m) matrices, else new ones; null for 0 steps.</summary>
    public static Matrix[]? Reuse(Matrix[]? existing, int steps, int rows, int m)
    {
        if (steps == 0)
        {
            return null;
        }
        return existing is not null && existing.Length == steps && existing[0].Rows == rows && existing[0].Cols == m
            ? existing
            : Make(steps, rows, m);
    }
}
