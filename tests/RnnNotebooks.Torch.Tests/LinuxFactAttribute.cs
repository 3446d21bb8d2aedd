namespace RnnNotebooks.Torch.Tests;

/// <summary>
/// A fact about the Linux install step (ELF files, this process's libstdc++, file modes, loading a .so): it runs on Linux
/// and is skipped with the reason elsewhere, where TorchSharp needs no patch and the install step touches nothing.
/// </summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Linux only: on Windows and macOS TorchSharp loads as shipped and nothing is patched";
        }
    }
}
