using System.Runtime.CompilerServices;
using TorchSharp;
using TorchSharp.Modules;

namespace RnnNotebooks.Torch;

/// <summary>
/// The core model rebuilt from TorchSharp's own layers, in float64: <c>torch.nn.RNN</c> (tanh or relu,
/// batch_first = false) for a&lt;t&gt; = g1(Wax x&lt;t&gt; + ba + Waa a&lt;t-1&gt; + 0) and <c>torch.nn.Linear</c> for
/// z&lt;t&gt; = Wya a&lt;t&gt; + by, with weight_ih = Wax, weight_hh = Waa, bias_ih = ba, bias_hh = 0, Linear weight = Wya,
/// bias = by. The weights are copied once, when the twin is made.
/// </summary>
public sealed class TorchRnnTwin : IRnnTwin
{
    private readonly torch.nn.Module rnn;
    private readonly Linear head;
    private readonly RecurrentParameters p;
    private readonly Activation g2;

    /// <summary>A twin of <paramref name="model"/> (g1 = Tanh or Relu, n_y &gt; 0), holding a copy of its weights.</summary>
    public TorchRnnTwin(Rnn model)
    {
        TwinChecks.Model(model, "nn.RNN", Activation.Tanh, Activation.Relu);
        TorchSetup.EnsureLoaded();
        p = model.Parameters.Clone();
        g2 = model.G2;
        (rnn, head) = TorchRecurrentModules.Build(p, model.G1);
    }

    /// <inheritdoc/>
    public string Name => "nn.RNN";

    /// <inheritdoc/>
    public RnnOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null)
    {
        using var scope = torch.NewDisposeScope();
        rnn.zero_grad();
        head.zero_grad();
        var batch = TwinBatch.Create(p, g2, x, y, a0);
        var states = TorchRecurrentModules.States(rnn, batch.X, batch.A0.unsqueeze(0)); // a<1> .. a<Tx>, (Tx, m, n_a)
        var logits = head.call(states);                              // z<t> = Wya a<t> + by, (Tx, m, n_y)
        var (yHat, loss) = batch.Head(logits);
        loss.backward();
        var named = TorchRecurrentModules.Named(rnn);
        return batch.Collect(yHat, loss, Grad(named["weight_hh_l0"]), Grad(named["weight_ih_l0"]),
            Grad(head.weight), Grad(named["bias_ih_l0"]), Grad(head.bias!));
    }

    /// <summary>Frees the native modules.</summary>
    public void Dispose()
    {
        rnn.Dispose();
        head.Dispose();
    }

    private static torch.Tensor Grad(torch.Tensor parameter) => TorchLayout.GradientOf(parameter, "a parameter");
}
