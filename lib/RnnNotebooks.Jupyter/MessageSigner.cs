using System.Security.Cryptography;
using System.Text;

namespace RnnNotebooks.Jupyter;

/// <summary>
/// Signs and checks Jupyter messages: the hex HMAC-SHA256, under the connection file's key, of the header, parent
/// header, metadata and content frames. An empty key turns signing off, as the messaging spec says.
/// </summary>
internal sealed class MessageSigner(string key)
{
    private readonly byte[] key = Encoding.UTF8.GetBytes(key);

    /// <summary>True when messages are signed (the key is not empty).</summary>
    public bool IsSigning => key.Length > 0;

    /// <summary>The signature of <paramref name="parts"/> (header, parent header, metadata, content), in lower-case hex.</summary>
    public string Sign(IReadOnlyList<byte[]> parts)
    {
        if (!IsSigning)
        {
            return "";
        }
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        foreach (var part in parts)
        {
            hmac.AppendData(part);
        }
        return Convert.ToHexStringLower(hmac.GetHashAndReset());
    }

    /// <summary>True when <paramref name="signature"/> is the signature of <paramref name="parts"/> (compared in constant time).</summary>
    public bool Verify(string signature, IReadOnlyList<byte[]> parts) =>
        !IsSigning || CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(signature), Encoding.ASCII.GetBytes(Sign(parts)));
}
