using TorchSharp;
using TorchSharp.Modules;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass of a recurrent layer of any cell the way a TorchSharp user writes it: <c>nn.RNN</c>,
/// <c>nn.GRU</c> or <c>nn.LSTM</c> + <c>Linear</c> + <c>cross_entropy(reduction: sum)</c> + <c>backward()</c>, float64, on
/// tensors built once. It is the libtorch side of the speed comparison; the weights are the core model's.
/// </summary>
public sealed class TorchTrainingStep : IDisposable
{
    private readonly torch.nn.Module recurrent;
    private readonly Linear head;
    private readonly Tensor x;       // (Tx, m, n_x) one-hot
    private readonly Tensor classes; // (Tx * m) target classes
    private readonly int nY;

    /// <summary>Copies the weights of <paramref name="model"/> (softmax head) and builds the input tensors.</summary>
    /// <param name="model">The core layer: an RNN (g1 = Tanh or Relu), a GRU or an LSTM; g2 = Softmax.</param>
    /// <param name="x">One-hot inputs, Tx steps of m.</param>
    /// <param name="y">Class targets, Ty = Tx (weights are not used: every step counts once).</param>
    public TorchTrainingStep(RecurrentLayer model, SequenceBatch x, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        TwinChecks.Model(model, nameof(TorchTrainingStep), Activation.Tanh, Activation.Relu);
        if (model.G2 != Activation.Softmax || model.Parameters.nY == 0 || !x.IsOneHot || !y.IsClassIndices)
        {
            throw new ArgumentException("TorchTrainingStep times the softmax/cross-entropy model on one-hot inputs and class targets.", nameof(model));
        }
        TorchSetup.EnsureLoaded();
        var p = model.Parameters;
        TwinChecks.Inputs(p, model.G2, x, y, null);
        nY = p.nY;
        (recurrent, head) = TorchRecurrentModules.Build(p, model.G1);
        this.x = TorchLayout.StepsToTensor(Enumerable.Range(1, x.Length).Select(x.ToDense).ToList(), requiresGrad: false);
        classes = TorchLayout.ClassTensor(y, x.Length, x.BatchSize);
    }

    /// <summary>Forward, loss and backward once; returns the loss (summed over steps and samples).</summary>
    public double Run()
    {
        using var scope = torch.NewDisposeScope();
        recurrent.zero_grad();
        head.zero_grad();
        var states = TorchRecurrentModules.States(recurrent, x);  // a<1> .. a<Tx>, (Tx, m, n_a), a<0> = 0 (c<0> = 0)
        var logits = head.call(states).view(-1, nY);             // z<t> = Wya a<t> + by
        var loss = torch.nn.functional.cross_entropy(logits, classes, reduction: torch.nn.Reduction.Sum);
        loss.backward();
        return loss.item<double>();
    }

    /// <summary>Frees the modules and tensors.</summary>
    public void Dispose()
    {
        recurrent.Dispose();
        head.Dispose();
        x.Dispose();
        classes.Dispose();
    }
}
