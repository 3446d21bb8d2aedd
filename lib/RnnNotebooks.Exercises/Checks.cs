namespace RnnNotebooks.Exercises;

/// <summary>The small checks the notebooks use beside their figures: a shape, a length, the largest difference.</summary>
public static class Checks
{
    /// <summary>Throws unless <paramref name="m"/> has shape <paramref name="expected"/>, naming it.</summary>
    /// <param name="m">The matrix, e.g. a&lt;t&gt; of shape (n_a, m).</param>
    /// <param name="expected">(rows, columns) it should have.</param>
    /// <param name="name">Its name as the note writes it, e.g. "a&lt;t&gt;".</param>
    /// <exception cref="InvalidOperationException">The shape differs; the message gives both shapes.</exception>
    public static void CheckShape(Matrix m, (int Rows, int Cols) expected, string name)
    {
        ArgumentNullException.ThrowIfNull(m);
        if (m.Shape != expected)
        {
            throw new InvalidOperationException($"{name} has shape {m.Shape}; expected {expected}.");
        }
    }

    /// <summary>The Frobenius norm ‖m‖ = sqrt(sum of m_ij²).</summary>
    public static double Norm(Matrix m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return Norm(m.Data);
    }

    /// <summary>The Euclidean norm sqrt(sum of v_i²) of any values, e.g. a bias gradient dba (n_a).</summary>
    public static double Norm(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        return Math.Sqrt(values.Sum(v => v * v));
    }

    /// <summary>max |u_ij - v_ij| over two matrices of the same shape.</summary>
    /// <exception cref="ArgumentException">The shapes differ.</exception>
    public static double LargestDifference(Matrix u, Matrix v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Shape != v.Shape)
        {
            throw new ArgumentException($"the matrices have shapes {u.Shape} and {v.Shape}; expected the same shape.", nameof(v));
        }
        return LargestDifference(u.Data, v.Data);
    }

    /// <summary>max |u_i - v_i| over two arrays of the same length.</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double LargestDifference(double[] u, double[] v)
    {
        ArgumentNullException.ThrowIfNull(u);
        ArgumentNullException.ThrowIfNull(v);
        if (u.Length != v.Length)
        {
            throw new ArgumentException($"the arrays have lengths {u.Length} and {v.Length}; expected the same length.", nameof(v));
        }
        return u.Length == 0 ? 0.0 : u.Zip(v, (p, q) => Math.Abs(p - q)).Max();
    }
}
