namespace RnnNotebooks.Benchmarks;

/// <summary>
/// One forward + loss + BPTT pass of a benchmark case, replayed call by call: the same library calls the model makes
/// (its internal kernels, on its own cache, workspace and gradients, same shapes, same order), each timed in a
/// <see cref="PartScope"/> for the <see cref="Part"/> it belongs to. Library methods that do two parts at once are
/// called whole and split by repeating the one part on its own (<see cref="PartClock.Split"/>). The replay mirrors
/// Rnn.cs and RecurrentLayer.cs as they are: when those change, change it too (the profile prints the replay's total beside
/// the model's own time, so a replay that drifted shows).
/// </summary>
internal abstract class PassReplay
{
    private protected PassReplay(BenchCase c)
    {
        Case = c;
        (X, Y) = c.Data(c.T);
    }

    /// <summary>The model and size.</summary>
    public BenchCase Case { get; }

    /// <summary>x&lt;1&gt; .. x&lt;T&gt;, one-hot.</summary>
    protected SequenceBatch X { get; }

    /// <summary>The class targets.</summary>
    protected SequenceTargets Y { get; }

    /// <summary>T m, the columns of the blocks the weight gradients multiply.</summary>
    protected int Columns => Case.T * Case.m;

    /// <summary>The replay of <paramref name="c"/>'s model.</summary>
    public static PassReplay For(BenchCase c) => c.Model == "rnn" ? new RnnReplay(c) : new GatedReplay(c);

    /// <summary>Forward, loss and BPTT, every call charged to <paramref name="clock"/>.</summary>
    public void Run(PartClock clock)
    {
        Forward(clock);
        Loss(clock);
        Backward(clock);
    }

    /// <summary>
    /// True when the replay leaves the same gradients, bit for bit, as the model's own Forward, Loss and Backward on
    /// the same cache and gradients: the check that the replay still makes the calls the model makes.
    /// </summary>
    public bool MatchesModel()
    {
        Run(new PartClock());
        var replayed = Gradients.Tensors.Select(t => (double[])t.Values.Clone()).ToArray();
        ModelPass();
        return Gradients.Tensors.Zip(replayed).All(pair => pair.First.Values.AsSpan().SequenceEqual(pair.Second));
    }

    /// <summary>The model's own Forward, Loss and Backward on the replay's cache and gradients.</summary>
    protected abstract void ModelPass();

    /// <summary>The model's gradients, filled by one real pass in the constructor and overwritten by every replay.</summary>
    protected abstract RecurrentGradients Gradients { get; }

    /// <summary>The model's forward pass over T steps, with the output layer.</summary>
    protected abstract void Forward(PartClock clock);

    /// <summary>The model's backward pass, from the loss gradient to every parameter gradient.</summary>
    protected abstract void Backward(PartClock clock);

    /// <summary>The model's cache, filled by one real pass in the constructor and overwritten by every replay.</summary>
    protected abstract RecurrentCache Cache { get; }

    /// <summary>The model's loss (cross-entropy with its softmax).</summary>
    protected abstract LossKind LossKind { get; }

    /// <summary>a&lt;t&gt; in the model's cache.</summary>
    protected Matrix A(int t) => Cache.A(t);

    /// <summary>yHat&lt;t&gt; in the model's cache.</summary>
    protected Matrix YHat(int t) => Cache.YHat(t);

    /// <summary>The logits of step t in the model's cache.</summary>
    protected Matrix Logits(int t) => Cache.Logits(t);

    /// <summary>yHat&lt;t&gt; = softmax(Wya a&lt;t&gt; + by): RnnCell.OutputUnchecked, split into its parts.</summary>
    protected void Output(PartClock clock, Matrix wya, double[] by, int t)
    {
        Matrix zy = Logits(t), yHat = YHat(t);
        using (clock.Time(Part.Products)) Blas.SetBiasPlusProduct(by, wya, A(t), zy); // z = by + Wya a<t>
        using (clock.Time(Part.Copies)) zy.Data.AsSpan().CopyTo(yHat.Data);
        using (clock.Time(Part.GateCode)) Activations.Apply(Activation.Softmax, yHat.Data, yHat.Rows, yHat.Cols); // yHat = g2(z)
    }

    /// <summary>What every Backward does first (after clearing the gradients): checks the targets, transposes Waa and Wya once, da_next = 0.</summary>
    protected void BackwardStart(PartClock clock, Matrix waa, Matrix waaT, Matrix wya, Matrix wyaT, Matrix dANext)
    {
        using (clock.Time(Part.Checks)) Y.Validate(Case.Vocabulary, Activation.Softmax, Case.T, Case.m);
        using (clock.Time(Part.Copies)) Blas.Transpose(waa, waaT);
        using (clock.Time(Part.Copies)) Blas.Transpose(wya, wyaT);
        using (clock.Time(Part.Copies)) dANext.Clear();
    }

    /// <summary>dz_y = yHat&lt;t&gt; - y&lt;t&gt; into its column block, and da += Wya^T dz_y (the start of every backward step).</summary>
    protected void OutputGradient(PartClock clock, Matrix wyaT, Matrix dzy, double[] dZYAll, Matrix da, int t)
    {
        using (clock.Time(Part.GateCode)) Losses.Gradient(YHat(t), Y, t, dzy);
        using (clock.Time(Part.Copies)) Blas.CopyToColumnBlock(dzy, dZYAll, Columns, t - 1);
        using (clock.Time(Part.Products)) Blas.MulAdd(wyaT, dzy, da);
    }

    /// <summary>
    /// dWaa = Σ_t dGa&lt;t&gt; a&lt;t-1&gt;^T (its first <paramref name="rows"/> rows from <paramref name="dGaAll"/>, the
    /// rest, if any, from <paramref name="dGaRest"/>: the GRU's n rows) and dWya = Σ_t dz_y&lt;t&gt; a&lt;t&gt;^T in one
    /// pass over the states (packed from the cache), and dby = Σ_t Σ_j dz_y&lt;t&gt;.
    /// </summary>
    protected void SharedGradients(PartClock clock, double[] dGaAll, int rows, double[] dGaRest, int restRows, double[] dZYAll, Memory<double> dWaa, Matrix dWya, double[] dBy)
    {
        int nA = Case.nA, nY = Case.Vocabulary;
        using (clock.Time(Part.WeightGradients))
        {
            Blas.MulAddStates(
            [
                new StatesTerm(dGaAll, dWaa[..(rows * nA)], rows, 0),
                new StatesTerm(dGaRest, dWaa[(rows * nA)..], restRows, 0),
                new StatesTerm(dZYAll, dWya.Data, nY, Case.m),
            ], Cache.States, Columns, nA);
        }
        using (clock.Time(Part.WeightGradients)) Blas.AddRowSums(dZYAll, nY, Columns, dBy);
    }

    /// <summary>The loss over T steps, as Rnn.Loss and RecurrentLayer.Loss compute it.</summary>
    private void Loss(PartClock clock)
    {
        using (clock.Time(Part.Checks)) Y.Validate(Case.Vocabulary, Activation.Softmax, Case.T, Case.m);
        double total = 0;
        for (int t = 1; t <= Case.T; t++)
        {
            using (clock.Time(Part.GateCode)) total += Losses.FiniteStep(LossKind, Logits(t), YHat(t), Y, t);
        }
        GC.KeepAlive(total);
    }
}
