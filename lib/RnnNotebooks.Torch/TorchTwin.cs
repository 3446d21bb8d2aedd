using TorchSharp;
using TorchSharp.Modules;

namespace RnnNotebooks.Torch;

/// <summary>
/// The core's <see cref="RecurrentLayer"/> of any cell rebuilt from TorchSharp's own layers in float64: <c>nn.RNN</c> (tanh or
/// relu), <c>nn.GRU</c> or <c>nn.LSTM</c> (one layer, batch_first = false) with weight_ih_l0 = Wax, weight_hh_l0 = Waa,
/// bias_ih_l0 = bax (the RNN's ba), bias_hh_l0 = baa (0 for the RNN, which has one bias), the gate blocks in PyTorch's
/// order, and <c>nn.Linear</c> with weight = Wya, bias = by. The weights are copied once, when the twin is made.
/// </summary>
public sealed class TorchTwin : ITorchTwin
{
    private readonly torch.nn.Module recurrent;
    private readonly Linear head;
    private readonly RecurrentParameters p;
    private readonly Activation g2;

    /// <summary>A twin of <paramref name="model"/> (n_y &gt; 0; an RNN's g1 = Tanh or Relu), holding a copy of its weights.</summary>
    public TorchTwin(RecurrentLayer model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Name = "nn." + model.Cell.ToString().ToUpperInvariant();
        TwinChecks.Model(model, Name, Activation.Tanh, Activation.Relu);
        TorchSetup.EnsureLoaded();
        p = model.Parameters.Clone();
        g2 = model.G2;
        (recurrent, head) = TorchRecurrentModules.Build(p, model.G1);
    }

    /// <summary>"nn.RNN", "nn.GRU" or "nn.LSTM".</summary>
    public string Name { get; }

    /// <inheritdoc/>
    public TwinOutputs Run(SequenceBatch x, SequenceTargets y, Matrix? a0 = null, Matrix? c0 = null)
    {
        using var scope = torch.NewDisposeScope();
        recurrent.zero_grad();
        head.zero_grad();
        var batch = TwinBatch.Create(p, g2, x, y, a0, c0);
        var h0 = batch.A0.unsqueeze(0);
        var c0Leaf = batch.C0?.unsqueeze(0);
        var a = TorchRecurrentModules.States(recurrent, batch.X, h0, c0Leaf); // a<1> .. a<Tx>, (Tx, m, n_a)
        var (yHat, loss) = batch.Head(head.call(a));                          // yHat<t> = g2(Wya a<t> + by)
        loss.backward();
        var c = recurrent is LSTM lstm ? TorchRecurrentModules.CellStates(lstm, batch.X, h0, c0Leaf!) : null; // c<1> .. c<Tx>
        var named = TorchRecurrentModules.Named(recurrent);
        return batch.Collect(a, c, yHat, loss,
            Grad(named["weight_ih_l0"]), Grad(named["weight_hh_l0"]), Grad(named["bias_ih_l0"]),
            p.Cell == RecurrentCell.Rnn ? null : Grad(named["bias_hh_l0"]), // the RNN's bias_hh is held at 0, not a core parameter
            Grad(head.weight), Grad(head.bias!));
    }

    /// <summary>Frees the native modules.</summary>
    public void Dispose()
    {
        recurrent.Dispose();
        head.Dispose();
    }

    private static torch.Tensor Grad(torch.Tensor parameter) => TorchLayout.GradientOf(parameter, "a parameter");
}
