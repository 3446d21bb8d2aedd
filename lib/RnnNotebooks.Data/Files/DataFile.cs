namespace RnnNotebooks.Data;

/// <summary>A dataset file on disk whose SHA-256 matched its pin.</summary>
/// <param name="Path">The full path.</param>
/// <param name="Origin">Where it was found.</param>
public sealed record DataFile(string Path, DataOrigin Origin);
