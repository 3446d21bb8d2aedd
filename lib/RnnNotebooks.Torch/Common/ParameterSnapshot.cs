using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>A copy of every parameter of a module, to keep the best epoch's weights while training goes on.</summary>
public sealed class ParameterSnapshot : IDisposable
{
    private readonly Tensor[] copies;

    /// <summary>Copies <paramref name="module"/>'s parameters now (detached, outside any dispose scope).</summary>
    /// <param name="module">The module.</param>
    public ParameterSnapshot(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        copies = module.parameters().Select(p => p.detach().clone().DetachFromDisposeScope()).ToArray();
    }

    /// <summary>Writes the copies back into <paramref name="module"/>'s parameters, in the same order.</summary>
    /// <param name="module">The module the snapshot was taken of.</param>
    public void Restore(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        using var noGrad = no_grad();
        foreach (var (p, saved) in module.parameters().Zip(copies))
        {
            p.copy_(saved);
        }
    }

    /// <summary>Frees the copies.</summary>
    public void Dispose()
    {
        foreach (var copy in copies)
        {
            copy.Dispose();
        }
    }
}
