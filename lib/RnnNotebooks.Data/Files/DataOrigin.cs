namespace RnnNotebooks.Data;

/// <summary>Where <see cref="DataFolder"/> found a file.</summary>
public enum DataOrigin
{
    /// <summary>In the folder the environment variable RNNNOTEBOOKS_DATA names.</summary>
    EnvironmentFolder,

    /// <summary>In the per-user cache, from an earlier download.</summary>
    Cache,

    /// <summary>Downloaded just now from the original address into the cache.</summary>
    Download,
}
