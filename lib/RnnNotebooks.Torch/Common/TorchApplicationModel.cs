using TorchSharp;
using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>What every TorchSharp application model has: its module, the device it runs on, its size, and the end of its life.</summary>
/// <typeparam name="TModule">The nn.Module subclass.</typeparam>
public abstract class TorchApplicationModel<TModule> : IDisposable where TModule : nn.Module
{
    /// <summary>Takes over <paramref name="module"/>, already moved to <paramref name="device"/>.</summary>
    /// <param name="module">The module.</param>
    /// <param name="device">Its device.</param>
    protected TorchApplicationModel(TModule module, Device device)
    {
        Module = module;
        Device = device;
    }

    /// <summary>The module, e.g. to save its state_dict.</summary>
    public TModule Module { get; }

    /// <summary>The device the module and every batch live on.</summary>
    public Device Device { get; }

    /// <summary>The number of scalar parameters.</summary>
    public long ParameterCount => Module.parameters().Sum(p => p.numel());

    /// <summary>Frees the module.</summary>
    public void Dispose()
    {
        Module.Dispose();
        GC.SuppressFinalize(this);
    }
}
