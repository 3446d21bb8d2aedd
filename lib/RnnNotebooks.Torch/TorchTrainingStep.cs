using TorchSharp;
using TorchSharp.Modules;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass the way a TorchSharp user writes it: <c>nn.RNN</c> + <c>Linear</c> +
/// <c>cross_entropy(reduction: sum)</c> + <c>backward()</c>, float64, on tensors built once. It is the
/// libtorch side of the speed comparison; the weights are the core model's.
/// </summary>
public sealed class TorchTrainingStep : IDisposable
{
    private readonly RNN rnn;
    private readonly Linear head;
    private readonly Tensor x;       // (Tx, m, n_x) one-hot
    private readonly Tensor classes; // (Tx * m) target classes
    private readonly int nY;

    /// <summary>Copies the weights of <paramref name="model"/> (softmax head) and builds the input tensors.</summary>
    /// <param name="model">The core model (g1 = Tanh or Relu, g2 = Softmax).</param>
    /// <param name="x">One-hot inputs, Tx steps of m.</param>
    /// <param name="y">Class targets, Ty = Tx (weights are not used: every step counts once).</param>
    public TorchTrainingStep(Rnn model, SequenceBatch x, SequenceTargets y)
    {
        TwinChecks.Model(model, "TorchTrainingStep", Activation.Tanh, Activation.Relu);
        if (model.G2 != Activation.Softmax || !x.IsOneHot || !y.IsClassIndices)
        {
            throw new ArgumentException("TorchTrainingStep times the softmax/cross-entropy model on one-hot inputs and class targets.", nameof(model));
        }
        TorchSetup.EnsureLoaded();
        var p = model.Parameters;
        TwinChecks.Inputs(p, model.G2, x, y, null);
        nY = p.nY;
        (rnn, head) = TorchRnnTwin.Build(p, model.G1);
        this.x = TorchLayout.StepsToTensor(Enumerable.Range(1, x.Length).Select(x.ToDense).ToList(), requiresGrad: false);
        classes = TorchLayout.ClassTensor(y, x.Length, x.BatchSize);
    }

    /// <summary>zero_grad, forward, L = sum of cross-entropies, backward. Returns L.</summary>
    public double Run()
    {
        using var scope = torch.NewDisposeScope();
        rnn.zero_grad();
        head.zero_grad();
        var (states, _) = rnn.call(x);                  // a<1> .. a<Tx>, (Tx, m, n_a), a<0> = 0
        var logits = head.call(states).view(-1, nY);     // z<t> = Wya a<t> + by
        var loss = torch.nn.functional.cross_entropy(logits, classes, reduction: torch.nn.Reduction.Sum);
        loss.backward();
        return loss.item<double>();
    }

    /// <summary>Frees the native modules and tensors.</summary>
    public void Dispose()
    {
        rnn.Dispose();
        head.Dispose();
        x.Dispose();
        classes.Dispose();
    }
}
