namespace RnnNotebooks;

/// <summary>
/// A <see cref="RecurrentLayer"/>'s state between steps, a&lt;t&gt; (and c&lt;t&gt; for an LSTM) for a batch of m, with the
/// buffers one step needs, so that <see cref="RecurrentLayer.Step"/> allocates nothing: decoders and samplers make one
/// with <see cref="RecurrentLayer.NewState"/> and step it as long as they like.
/// </summary>
public sealed class LayerState
{
    private readonly Matrix? gates;
    private readonly Matrix? extra;
    private readonly Matrix? recurrent;
    private Matrix a, aNext;
    private Matrix? c, cNext;

    internal LayerState(IRecurrentCell cell, int nA, int m)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(m);
        a = new Matrix(nA, m);
        aNext = new Matrix(nA, m);
        if (cell.HasCellState)
        {
            c = new Matrix(nA, m);
            cNext = new Matrix(nA, m);
        }
        if (cell.Gates > 1)
        {
            gates = new Matrix(cell.Gates * nA, m);
            extra = new Matrix(nA, m);
            recurrent = new Matrix(cell.Gates * nA, m);
        }
    }

    /// <summary>a&lt;t&gt;, shape (n_a, m): the state after the last step (a&lt;0&gt; before the first).</summary>
    public Matrix A => a;

    /// <summary>c&lt;t&gt;, shape (n_a, m), for an LSTM; null for a cell without a cell state.</summary>
    public Matrix? C => c;

    /// <summary>m, the batch size.</summary>
    public int BatchSize => a.Cols;

    /// <summary>Sets a&lt;0&gt; (and c&lt;0&gt;): copies of the given states, zeros where null.</summary>
    /// <param name="a0">a&lt;0&gt;, shape (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt;, shape (n_a, m), for an LSTM; null for zeros.</param>
    /// <exception cref="ArgumentException">A state does not have shape (n_a, m), or c0 is given to a cell without a cell state.</exception>
    public void Reset(Matrix? a0 = null, Matrix? c0 = null)
    {
        if (c0 is not null && c is null)
        {
            throw new ArgumentException($"c0 was given ({c0.Rows}, {c0.Cols}), but this layer's cell has no cell state c<t>: pass null (only an LSTM takes c0).", nameof(c0));
        }
        Set(a, a0, nameof(a0));
        if (c is not null)
        {
            Set(c, c0, nameof(c0));
        }
    }

    private static void Set(Matrix state, Matrix? given, string name)
    {
        if (given is null)
        {
            state.Clear();
            return;
        }
        Guard.Shape(given, state.Rows, state.Cols, name, null, "(n_a, m)");
        Guard.Finite(given.Data, name, null, state.Cols);
        state.CopyFrom(given);
    }

    /// <summary>The next step as the cell sees it: reads a&lt;t-1&gt; = <see cref="A"/>, writes the spare buffers.</summary>
    internal CellStep Next() => new(a, c, gates, extra, recurrent, cNext, aNext);

    /// <summary>After a step: the buffers just written become a&lt;t&gt; (and c&lt;t&gt;), the old ones the spares.</summary>
    internal void Advance()
    {
        (a, aNext) = (aNext, a);
        (c, cNext) = (cNext, c);
    }
}
