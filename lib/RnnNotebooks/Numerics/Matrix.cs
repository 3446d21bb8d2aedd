using System.Globalization;
using System.Text;

namespace RnnNotebooks;

/// <summary>
/// A dense row-major matrix of float64 values with an explicit shape. The batch is the last
/// dimension everywhere in this library: a hidden state a&lt;t&gt; is a (n_a, m) matrix whose column j
/// is sample j of the batch.
/// </summary>
public sealed class Matrix
{
    /// <summary>Creates a zero matrix of shape (<paramref name="rows"/>, <paramref name="cols"/>).</summary>
    /// <param name="rows">Number of rows (&gt;= 0).</param>
    /// <param name="cols">Number of columns (&gt;= 0).</param>
    public Matrix(int rows, int cols)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        Rows = rows;
        Cols = cols;
        Data = new double[rows * cols];
    }

    /// <summary>Wraps <paramref name="data"/> (row-major, length rows*cols) without copying.</summary>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns.</param>
    /// <param name="data">Row-major values; element (r, c) is data[r * cols + c].</param>
    public Matrix(int rows, int cols, double[] data)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        ArgumentOutOfRangeException.ThrowIfNegative(cols);
        ArgumentNullException.ThrowIfNull(data);
        if (data.Length != rows * cols)
        {
            throw new ArgumentException(
                $"data has {data.Length} values; a ({rows}, {cols}) matrix needs {rows * cols}.", nameof(data));
        }
        Rows = rows;
        Cols = cols;
        Data = data;
    }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns (the batch size m for states, inputs and outputs).</summary>
    public int Cols { get; }

    /// <summary>The values, row-major: element (r, c) is Data[r * Cols + c].</summary>
    public double[] Data { get; }

    /// <summary>The shape (Rows, Cols).</summary>
    public (int Rows, int Cols) Shape => (Rows, Cols);

    /// <summary>Element (r, c), by reference.</summary>
    public ref double this[int r, int c] => ref Data[r * Cols + c];

    /// <summary>Row <paramref name="r"/> as a span of length <see cref="Cols"/>.</summary>
    public Span<double> Row(int r) => Data.AsSpan(r * Cols, Cols);

    /// <summary>Copies column <paramref name="c"/> into a new array of length <see cref="Rows"/>.</summary>
    public double[] Column(int c)
    {
        var column = new double[Rows];
        for (int r = 0; r < Rows; r++)
        {
            column[r] = Data[r * Cols + c];
        }
        return column;
    }

    /// <summary>Builds a matrix from a rectangular C# array, e.g. <c>new double[,] { { 1, 2 }, { 3, 4 } }</c>.</summary>
    public static Matrix FromArray(double[,] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var m = new Matrix(values.GetLength(0), values.GetLength(1));
        for (int r = 0; r < m.Rows; r++)
        {
            for (int c = 0; c < m.Cols; c++)
            {
                m[r, c] = values[r, c];
            }
        }
        return m;
    }

    /// <summary>A (n, 1) column matrix holding <paramref name="values"/>: one sample, batch size m = 1.</summary>
    public static Matrix ColumnVector(params double[] values) => new(values.Length, 1, (double[])values.Clone());

    /// <summary>Returns a copy as a rectangular C# array.</summary>
    public double[,] ToArray()
    {
        var values = new double[Rows, Cols];
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                values[r, c] = this[r, c];
            }
        }
        return values;
    }

    /// <summary>A deep copy.</summary>
    public Matrix Clone() => new(Rows, Cols, (double[])Data.Clone());

    /// <summary>The transpose, as a new matrix.</summary>
    public Matrix Transpose()
    {
        var t = new Matrix(Cols, Rows);
        for (int r = 0; r < Rows; r++)
        {
            for (int c = 0; c < Cols; c++)
            {
                t[c, r] = this[r, c];
            }
        }
        return t;
    }

    /// <summary>Copies the values of <paramref name="source"/>, which must have the same shape.</summary>
    public void CopyFrom(Matrix source)
    {
        Guard.Shape(source, Rows, Cols, nameof(source));
        source.Data.AsSpan().CopyTo(Data);
    }

    /// <summary>Sets every element to zero.</summary>
    public void Clear() => Array.Clear(Data);

    /// <summary>A readable rendering with 4 significant digits, for notebooks and test messages.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Matrix ({Rows}, {Cols})");
        int shownRows = Math.Min(Rows, 8);
        int shownCols = Math.Min(Cols, 8);
        for (int r = 0; r < shownRows; r++)
        {
            sb.Append("\n  [");
            for (int c = 0; c < shownCols; c++)
            {
                sb.Append(this[r, c].ToString("G4", CultureInfo.InvariantCulture).PadLeft(10));
            }
            sb.Append(shownCols < Cols ? "  ...]" : "]");
        }
        if (shownRows < Rows)
        {
            sb.Append("\n  ...");
        }
        return sb.ToString();
    }
}
