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
    private readonly RNN rnn;
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
        (rnn, head) = Build(p, model.G1);
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
        var (states, _) = rnn.call(batch.X, batch.A0.unsqueeze(0)); // a<1> .. a<Tx>, (Tx, m, n_a)
        var logits = head.call(states);                              // z<t> = Wya a<t> + by, (Tx, m, n_y)
        var (yHat, loss) = batch.Head(logits);
        loss.backward();
        var named = Parameters(rnn);
        return batch.Collect(yHat, loss, Grad(named["weight_hh_l0"]), Grad(named["weight_ih_l0"]),
            Grad(head.weight), Grad(named["bias_ih_l0"]), Grad(head.bias!));
    }

    /// <summary>Frees the native modules.</summary>
    public void Dispose()
    {
        rnn.Dispose();
        head.Dispose();
    }

    [MethodImpl(MethodImplOptions.NoInlining)] // compiled only after TorchSetup.EnsureLoaded()
    internal static (RNN, Linear) Build(RecurrentParameters p, Activation g1)
    {
        var nonLinearity = g1 == Activation.Relu ? torch.nn.NonLinearities.ReLU : torch.nn.NonLinearities.Tanh;
        var rnn = torch.nn.RNN(p.nX, p.nA, numLayers: 1, nonLinearity: nonLinearity, bias: true, batchFirst: false, dtype: torch.float64);
        var head = torch.nn.Linear(p.nA, p.nY, hasBias: true, dtype: torch.float64);
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var named = Parameters(rnn);
        named["weight_ih_l0"].copy_(TorchLayout.FromArray(p.Wax.Data, p.nA, p.nX)); // weight_ih = Wax
        named["weight_hh_l0"].copy_(TorchLayout.FromArray(p.Waa.Data, p.nA, p.nA)); // weight_hh = Waa
        named["bias_ih_l0"].copy_(TorchLayout.FromArray(p.Ba, p.nA));              // bias_ih = ba
        named["bias_hh_l0"].zero_();                                                // bias_hh = 0
        head.weight.copy_(TorchLayout.FromArray(p.Wya.Data, p.nY, p.nA));          // Linear weight = Wya
        head.bias!.copy_(TorchLayout.FromArray(p.By, p.nY));                        // Linear bias = by
        return (rnn, head);
    }

    private static Dictionary<string, Parameter> Parameters(RNN rnn) =>
        rnn.named_parameters().ToDictionary(n => n.name, n => n.parameter);

    private static torch.Tensor Grad(torch.Tensor parameter) => TorchLayout.GradientOf(parameter, "a parameter");
}
