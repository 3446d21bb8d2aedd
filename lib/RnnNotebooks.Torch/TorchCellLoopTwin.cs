using System.Runtime.CompilerServices;
using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// The note's equations written out as a TorchSharp loop over t, in the core's layout (batch last), with torch
/// autograd doing backpropagation through time:
/// <code>
/// a&lt;t&gt;    = g1(Waa a&lt;t-1&gt; + Wax x&lt;t&gt; + ba)    (n_a, m)
/// z&lt;t&gt;    = Wya a&lt;t&gt; + by                        (n_y, m)
/// yHat&lt;t&gt; = g2(z&lt;t&gt;)
/// </code>
/// Waa, Wax, Wya, ba, by are float64 leaf tensors holding a copy of the model's weights.
/// </summary>
public sealed class TorchCellLoopTwin : ITorchTwin
{
    private readonly Tensor Waa, Wax, Wya, Ba, By;
    private readonly RecurrentParameters p;
    private readonly Activation g1, g2;

    /// <summary>A twin of <paramref name="model"/> (g1 = Tanh, Relu, Sigmoid or Identity; n_y &gt; 0), holding a copy of its weights.</summary>
    public TorchCellLoopTwin(Rnn model)
    {
        TwinChecks.Model(model, "the cell loop", Activation.Tanh, Activation.Relu, Activation.Sigmoid, Activation.Identity);
        TorchSetup.EnsureLoaded();
        p = model.Parameters.Clone();
        g1 = model.G1;
        g2 = model.G2;
        (Waa, Wax, Wya, Ba, By) = Leaves(p);
    }

    /// <inheritdoc/>
    public string Name => "cell loop";

    /// <inheritdoc/>
    public TwinOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        using var scope = torch.NewDisposeScope();
        foreach (var leaf in new[] { Waa, Wax, Wya, Ba, By })
        {
            leaf.grad?.zero_();
        }
        var batch = TwinBatch.Create(p, g2, x, y, a0, c0);
        var a = batch.A0.t();                                        // a<0>, (n_a, m)
        var states = new List<Tensor>();
        var logits = new List<Tensor>();
        for (int t = 0; t < x.Length; t++)
        {
            var xt = batch.X[t].t();                                 // x<t>, (n_x, m)
            a = G1(Waa.mm(a) + Wax.mm(xt) + Ba.unsqueeze(1));         // a<t> = g1(Waa a<t-1> + Wax x<t> + ba)
            states.Add(a.t());                                        // a<t>, stored (m, n_a)
            logits.Add((Wya.mm(a) + By.unsqueeze(1)).t());            // z<t> = Wya a<t> + by, stored (m, n_y)
        }
        var (yHat, loss) = batch.Head(torch.stack(logits));          // (Tx, m, n_y)
        loss.backward();
        return batch.Collect(torch.stack(states), null, yHat, loss, Grad(Wax, "Wax"), Grad(Waa, "Waa"), Grad(Ba, "Ba"), null, Grad(Wya, "Wya"), Grad(By, "By"));
    }

    /// <summary>Frees the leaf tensors.</summary>
    public void Dispose()
    {
        foreach (var leaf in new[] { Waa, Wax, Wya, Ba, By })
        {
            leaf.Dispose();
        }
    }

    private Tensor G1(Tensor z) => g1 switch
    {
        Activation.Tanh => torch.tanh(z),
        Activation.Relu => torch.nn.functional.relu(z),
        Activation.Sigmoid => torch.sigmoid(z),
        Activation.Identity => z,
        _ => throw new ArgumentOutOfRangeException(nameof(g1), g1, $"g1 is {g1}; expected Tanh, Relu, Sigmoid or Identity."),
    };

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled only after TorchSetup.EnsureLoaded()
    private static (Tensor, Tensor, Tensor, Tensor, Tensor) Leaves(RecurrentParameters p) =>
        (Leaf(p.Waa.Data, p.nA, p.nA), Leaf(p.Wax.Data, p.nA, p.nX), Leaf(p.Wya.Data, p.nY, p.nA), Leaf(p.Ba, p.nA), Leaf(p.By, p.nY));

    private static Tensor Leaf(double[] values, params long[] shape) =>
        torch.tensor(values, shape, torch.float64, requires_grad: true).DetachFromDisposeScope();

    private static Tensor Grad(Tensor leaf, string name) => TorchLayout.GradientOf(leaf, name);
}
