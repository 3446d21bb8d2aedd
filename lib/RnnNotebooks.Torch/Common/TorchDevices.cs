using static TorchSharp.torch;

namespace RnnNotebooks.Torch;

/// <summary>Where the application models run: a GPU when this TorchSharp build has CUDA and finds a device, else the CPU.</summary>
public static class TorchDevices
{
    /// <summary><see cref="TorchSetup.EnsureLoaded"/>, then <c>torch.cuda.is_available() ? CUDA : CPU</c>, unless a device is given.</summary>
    /// <param name="device">A device chosen by the caller, or null for the default.</param>
    public static Device Choose(Device? device = null)
    {
        TorchSetup.EnsureLoaded();
        return device ?? (cuda.is_available() ? CUDA : CPU);
    }
}
