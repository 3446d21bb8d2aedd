using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// The core's <see cref="Gru"/> or <see cref="Lstm"/> rebuilt from TorchSharp's own layers in float64: <c>nn.GRU</c> or
/// <c>nn.LSTM</c> (one layer, batch_first = false) with weight_ih_l0 = Wax, weight_hh_l0 = Waa, bias_ih_l0 = bax,
/// bias_hh_l0 = baa (the same gate order, so the copy is one to one), and <c>nn.Linear</c> with weight = Wya, bias = by.
/// The weights are copied once, when the twin is made.
/// </summary>
public sealed class TorchGatedTwin : IDisposable
{
    private readonly torch.nn.Module<Tensor, Tensor> head;
    private readonly torch.nn.Module recurrent;
    private readonly RecurrentParameters p;
    private readonly Activation g2;
    private readonly bool lstm;

    /// <summary>A twin of <paramref name="model"/> (n_y &gt; 0), holding a copy of its weights.</summary>
    public TorchGatedTwin(RecurrentLayer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Parameters.nY == 0)
        {
            throw new ArgumentException("the twin needs an output layer; this model has n_y = 0.", nameof(model));
        }
        TorchSetup.EnsureLoaded();
        p = model.Parameters.Clone();
        g2 = model.G2;
        lstm = model.HasCell;
        (recurrent, head) = TorchRecurrentModules.Build(p, Activation.Tanh);
    }

    /// <summary>"nn.GRU" or "nn.LSTM".</summary>
    public string Name => lstm ? "nn.LSTM" : "nn.GRU";

    /// <summary>Forward, loss and backward through torch autograd, in the core's layout.</summary>
    /// <param name="x">x&lt;1&gt; .. x&lt;Tx&gt;, one-hot or dense.</param>
    /// <param name="y">Targets and optional weights w&lt;t&gt;_j, as for <see cref="RecurrentLayer.Loss"/>.</param>
    /// <param name="a0">a&lt;0&gt;, (n_a, m); null for zeros.</param>
    /// <param name="c0">c&lt;0&gt; (LSTM), (n_a, m); null for zeros.</param>
    public GatedOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        ArgumentNullException.ThrowIfNull(y);
        p.CheckInputs(x, a0, c0);
        if (!lstm && c0 is not null)
        {
            throw new ArgumentException("a GRU has no cell state: pass c0 = null.", nameof(c0));
        }
        y.Validate(p.nY, g2, x.Length, x.BatchSize);
        using var scope = torch.NewDisposeScope();
        recurrent.zero_grad();
        head.zero_grad();
        var batch = TwinBatch.Create(p.nA, g2, x, y, a0);
        var c0Tensor = TorchLayout.MatrixToTensorTransposed(c0 ?? new Matrix(p.nA, x.BatchSize), requiresGrad: true);
        var states = TorchRecurrentModules.States(recurrent, batch.X, batch.A0.unsqueeze(0), c0Tensor.unsqueeze(0)); // a<1> .. a<Tx>
        var (yHat, loss) = batch.Head(head.call(states)); // z<t> = Wya a<t> + by
        loss.backward();
        var named = TorchRecurrentModules.Named(recurrent);
        var linear = head.named_parameters().ToDictionary(n => n.name, n => n.parameter);
        return new GatedOutputs(
            TorchLayout.TensorToSteps(yHat), loss.item<double>(),
            Grad(named["weight_ih_l0"]), Grad(named["weight_hh_l0"]), Grad(named["bias_ih_l0"]), Grad(named["bias_hh_l0"]),
            Grad(linear["weight"]), Grad(linear["bias"]),
            TorchLayout.ToArray(TorchLayout.GradientOf(batch.A0, "a0").t()),
            lstm ? TorchLayout.ToArray(TorchLayout.GradientOf(c0Tensor, "c0").t()) : null,
            batch.IsDense ? TorchLayout.TensorToSteps(TorchLayout.GradientOf(batch.X, "x")) : null);
    }

    /// <summary>Frees the native modules.</summary>
    public void Dispose()
    {
        recurrent.Dispose();
        head.Dispose();
    }

    private static double[] Grad(Tensor parameter) => TorchLayout.ToArray(TorchLayout.GradientOf(parameter, "a parameter"));
}
