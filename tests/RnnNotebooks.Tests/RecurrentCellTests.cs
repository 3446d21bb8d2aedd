namespace RnnNotebooks.Tests;

/// <summary>
/// The <see cref="IRecurrentCell"/> contract on its own, for the RNN, GRU and LSTM cells: the backward step against
/// central differences of its forward step, one-hot input as a dense one-hot matrix, and no allocation per step.
/// </summary>
public class RecurrentCellTests
{
    private const int NX = 3, NA = 4, M = 2;

    public static TheoryData<RecurrentCell> Cells => [RecurrentCell.Rnn, RecurrentCell.Gru, RecurrentCell.Lstm];

    private static IRecurrentCell CellOf(RecurrentCell kind) => kind switch
    {
        RecurrentCell.Rnn => new RnnCell(Activation.Tanh),
        RecurrentCell.Gru => GruCell.Instance,
        _ => LstmCell.Instance,
    };

    /// <summary>Random stacked weights, a&lt;t-1&gt;, c&lt;t-1&gt;, x&lt;t&gt; and the buffers of one step.</summary>
    private sealed class OneStep
    {
        public OneStep(IRecurrentCell cell, int seed)
        {
            var random = new Random(seed);
            Matrix Draw(int rows, int cols)
            {
                var w = new Matrix(rows, cols);
                for (int i = 0; i < w.Data.Length; i++)
                {
                    w.Data[i] = 2 * random.NextDouble() - 1;
                }
                return w;
            }
            int g = cell.Gates;
            Cell = cell;
            Weights = new CellWeights(Draw(g * NA, NX), Draw(g * NA, NA), Draw(g * NA, 1).Data,
                cell.Kind == RecurrentCell.Rnn ? [] : Draw(g * NA, 1).Data);
            X = Draw(NX, M);
            Step = new CellStep(Draw(NA, M), cell.HasCellState ? Draw(NA, M) : null,
                g > 1 ? new Matrix(g * NA, M) : null, g > 1 ? new Matrix(NA, M) : null, g > 1 ? new Matrix(g * NA, M) : null,
                cell.HasCellState ? new Matrix(NA, M) : null, new Matrix(NA, M));
            U = Draw(NA, M);
            V = Draw(NA, M);
        }

        public IRecurrentCell Cell { get; }
        public CellWeights Weights { get; }
        public Matrix X { get; }
        public CellStep Step { get; }

        /// <summary>dL/da&lt;t&gt; and dL/dc&lt;t&gt; of the test loss L = Σ U ⊙ a&lt;t&gt; + Σ V ⊙ c&lt;t&gt;.</summary>
        public Matrix U { get; }
        public Matrix V { get; }

        public double Loss()
        {
            Cell.Forward(Weights, new StepInput(X), Step);
            double loss = 0;
            for (int k = 0; k < U.Data.Length; k++)
            {
                loss += U.Data[k] * Step.A.Data[k] + (Step.C is null ? 0 : V.Data[k] * Step.C.Data[k]);
            }
            return loss;
        }
    }

    private static double CentralDifference(OneStep s, double[] values, int k)
    {
        const double h = 1e-6;
        double kept = values[k];
        values[k] = kept + h;
        double plus = s.Loss();
        values[k] = kept - h;
        double minus = s.Loss();
        values[k] = kept;
        return (plus - minus) / (2 * h);
    }

    private static void CheckGradient(OneStep s, double[] values, ReadOnlySpan<double> analytic, string what)
    {
        for (int k = 0; k < values.Length; k++)
        {
            double numeric = CentralDifference(s, values, k);
            Assert.True(Math.Abs(numeric - analytic[k]) <= 1e-8 * Math.Max(1, Math.Abs(numeric)),
                $"{s.Cell.Kind} {what}[{k}]: backward step {analytic[k]:R}, central difference {numeric:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void The_backward_step_is_the_derivative_of_the_forward_step(RecurrentCell kind)
    {
        var s = new OneStep(CellOf(kind), seed: 5);
        int rows = s.Cell.Gates * NA;
        var dGx = new Matrix(rows, M);
        var dGa = new Matrix(rows, M);
        var daPrev = new Matrix(NA, M);
        var dc = new Matrix(NA, M);
        s.V.Data.AsSpan().CopyTo(dc.Data);
        s.Loss();
        s.Cell.Backward(s.Step, s.U, dc, dGx, dGa, daPrev);
        var recurrentSide = s.Cell.SharesGateGradient ? dGx : dGa;
        Blas.MulAdd(s.Weights.Waa.Transpose(), recurrentSide, daPrev); // dL/da<t-1> = direct part + Waa^T dGa
        var dWax = new Matrix(rows, NX);
        Blas.MulAdd(dGx, s.X.Transpose(), dWax);                       // dL/dWax = dGx x<t>^T
        var dWaa = new Matrix(rows, NA);
        Blas.MulAdd(recurrentSide, s.Step.APrev.Transpose(), dWaa);    // dL/dWaa = dGa a<t-1>^T
        CheckGradient(s, s.Step.APrev.Data, daPrev.Data, "dA<t-1>");
        CheckGradient(s, s.Weights.Wax.Data, dWax.Data, "dWax");
        CheckGradient(s, s.Weights.Waa.Data, dWaa.Data, "dWaa");
        CheckGradient(s, s.Weights.Bax, RowSums(dGx), "dBax");
        CheckGradient(s, s.Weights.Baa, RowSums(recurrentSide)[..s.Weights.Baa.Length], "dBaa");
        if (s.Step.CPrev is { } cPrev)
        {
            CheckGradient(s, cPrev.Data, dc.Data, "dC<t-1>");
        }
    }

    private static double[] RowSums(Matrix d)
    {
        var sums = new double[d.Rows];
        for (int i = 0; i < d.Rows; i++)
        {
            foreach (double v in d.Row(i))
            {
                sums[i] += v;
            }
        }
        return sums;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Token_input_gives_what_the_one_hot_matrix_gives(RecurrentCell kind)
    {
        var s = new OneStep(CellOf(kind), seed: 7);
        int[] tokens = [2, 0];
        var oneHot = new Matrix(NX, M);
        for (int j = 0; j < M; j++)
        {
            oneHot[tokens[j], j] = 1.0;
        }
        s.Cell.Forward(s.Weights, new StepInput(oneHot), s.Step);
        var fromMatrix = s.Step.A.Data.ToArray();
        s.Cell.Forward(s.Weights, new StepInput(tokens), s.Step);
        Approx.Equal(fromMatrix, s.Step.A.Data, 1e-15, $"{kind} a<t>");
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void A_forward_and_a_backward_step_allocate_nothing(RecurrentCell kind)
    {
        var s = new OneStep(CellOf(kind), seed: 9);
        int rows = s.Cell.Gates * NA;
        var (dGx, dGa, daPrev, dc) = (new Matrix(rows, M), new Matrix(rows, M), new Matrix(NA, M), new Matrix(NA, M));
        int[] tokens = [1, 2];
        void Steps(int count)
        {
            for (int k = 0; k < count; k++)
            {
                s.Cell.Forward(s.Weights, new StepInput(s.X), s.Step);
                s.Cell.Forward(s.Weights, new StepInput(tokens), s.Step);
                s.Cell.Backward(s.Step, s.U, dc, dGx, dGa, daPrev);
            }
        }
        Steps(2); // warm up the JIT
        long before = GC.GetAllocatedBytesForCurrentThread();
        Steps(50);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
