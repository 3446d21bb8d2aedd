namespace RnnNotebooks.TorchPatch.Elf;

/// <summary>What <see cref="ElfVersionPatcher.MarkWeak"/> did to a file.</summary>
public enum PatchOutcome
{
    /// <summary>The file does not need the version at all: left untouched.</summary>
    NotRequired,

    /// <summary>Every requirement of the version was already weak: left untouched (a second call is a no-op).</summary>
    AlreadyWeak,

    /// <summary>VER_FLG_WEAK was set and the file replaced atomically.</summary>
    Patched,
}
