using TorchSharp;
using Tensor = TorchSharp.torch.Tensor;

namespace RnnNotebooks.Torch;

/// <summary>
/// One forward and backward pass of a GRU or LSTM the way a TorchSharp user writes it: <c>nn.GRU</c> or <c>nn.LSTM</c>
/// + <c>Linear</c> + <c>cross_entropy(reduction: sum)</c> + <c>backward()</c>, float64, on tensors built once: the libtorch
/// side of the speed comparison with the core's <see cref="Gru"/> and <see cref="Lstm"/>, with the core model's weights.
/// </summary>
public sealed class TorchGatedTrainingStep : IDisposable
{
    private readonly torch.nn.Module recurrent;
    private readonly torch.nn.Module<Tensor, Tensor> head;
    private readonly bool lstm;
    private readonly Tensor x;       // (Tx, m, n_x) one-hot
    private readonly Tensor classes; // (Tx * m) target classes
    private readonly int nY;

    /// <summary>Copies the weights of <paramref name="model"/> (softmax head) and builds the input tensors.</summary>
    /// <param name="model">The core GRU or LSTM (g2 = Softmax).</param>
    /// <param name="x">One-hot inputs, Tx steps of m.</param>
    /// <param name="y">Class targets, Ty = Tx (weights are not used: every step counts once).</param>
    public TorchGatedTrainingStep(RecurrentLayer model, SequenceBatch x, SequenceTargets y)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (model.G2 != Activation.Softmax || model.Parameters.nY == 0 || !x.IsOneHot || !y.IsClassIndices)
        {
            throw new ArgumentException("TorchGatedTrainingStep times the softmax/cross-entropy model on one-hot inputs and class targets.", nameof(model));
        }
        TorchSetup.EnsureLoaded();
        var p = model.Parameters;
        p.CheckInputs(x, null);
        y.Validate(p.nY, model.G2, x.Length, x.BatchSize);
        nY = p.nY;
        lstm = model.HasCell;
        (recurrent, head) = TorchGatedTwin.Build(p, lstm);
        this.x = TorchLayout.StepsToTensor(Enumerable.Range(1, x.Length).Select(x.ToDense).ToList(), requiresGrad: false);
        classes = TorchLayout.ClassTensor(y, x.Length, x.BatchSize);
    }

    /// <summary>zero_grad, forward, L = sum of cross-entropies, backward. Returns L.</summary>
    public double Run()
    {
        using var scope = torch.NewDisposeScope();
        recurrent.zero_grad();
        head.zero_grad();
        var states = lstm ? ((TorchSharp.Modules.LSTM)recurrent).call(x).Item1 : ((TorchSharp.Modules.GRU)recurrent).call(x).Item1; // a<1> .. a<Tx>
        var logits = head.call(states).view(-1, nY);  // z<t> = Wya a<t> + by
        var loss = torch.nn.functional.cross_entropy(logits, classes, reduction: torch.nn.Reduction.Sum);
        loss.backward();
        return loss.item<double>();
    }

    /// <summary>Frees the native modules and tensors.</summary>
    public void Dispose()
    {
        recurrent.Dispose();
        head.Dispose();
        x.Dispose();
        classes.Dispose();
    }
}
