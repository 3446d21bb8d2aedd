using System.Security.Cryptography;

namespace RnnNotebooks.Tasks;

/// <summary>
/// The SHA-256 of a model's parameters: of the bytes <see cref="SafeTensors.Serialize"/> makes of them (a JSON header
/// with each tensor's name, dtype and shape, then every value as a little-endian float64, in the tensors' fixed order).
/// Those are the bytes <see cref="ParameterFiles.Save"/> writes for the same tensors without metadata, so
/// <c>sha256sum</c> of such a file gives the same digits.
/// </summary>
public static class ParameterHash
{
    /// <summary>SHA-256 of the parameters' safetensors bytes, as 64 lower-case hex digits.</summary>
    /// <param name="tensors">The parameters in their fixed order, e.g. <see cref="IParameterSet.Tensors"/>.</param>
    /// <exception cref="ArgumentException">Two tensors share a name, or a shape does not fit its values.</exception>
    public static string Sha256(IReadOnlyList<ParameterView> tensors)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        return Convert.ToHexStringLower(SHA256.HashData(SafeTensors.Serialize(NamedTensor.FromViews(tensors))));
    }
}
