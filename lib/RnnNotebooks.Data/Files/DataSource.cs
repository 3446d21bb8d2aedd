namespace RnnNotebooks.Data;

/// <summary>A public dataset file: where it lives in the data folder, its original address and its pinned SHA-256.</summary>
/// <param name="Name">A short name for messages: "wikigold".</param>
/// <param name="RelativePath">Its path under the data folder, with '/' separators: "ner/wikigold.conll.txt".</param>
/// <param name="Address">The original address to download it from.</param>
/// <param name="Sha256">The SHA-256 of the file's bytes (or of its parsed records, see <see cref="Fingerprint"/>), 64 lowercase hex digits.</param>
public sealed record DataSource(string Name, string RelativePath, Uri Address, string Sha256)
{
    /// <summary>
    /// What <see cref="Sha256"/> pins, when it is not the file's bytes: a function of the file's path that returns the
    /// SHA-256 of its parsed records (for an archive, whose bytes change with every repacking while its records do not).
    /// It throws <see cref="InvalidDataException"/> for a file it cannot parse. Null: the SHA-256 of the file's bytes.
    /// </summary>
    public Func<string, string>? Fingerprint { get; init; }
}
