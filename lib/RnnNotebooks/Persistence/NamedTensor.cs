namespace RnnNotebooks;

/// <summary>
/// A named array of float64 values with its shape, as a safetensors file stores it: e.g. "encoder.Waa" with shape
/// [n_a, n_a], or "encoder.Ba" with shape [n_a].
/// </summary>
/// <param name="Name">The tensor's name in the file.</param>
/// <param name="Shape">Its dimensions; the product is the number of values (1 for shape []).</param>
/// <param name="Values">The values, row-major (C order), as PyTorch lays them out.</param>
public sealed record NamedTensor(string Name, int[] Shape, double[] Values)
{
    /// <summary>The parameters (or gradients) under names "prefix.Name", or plain "Name" when the prefix is empty; values not copied.</summary>
    /// <param name="views">The views, e.g. <see cref="RecurrentParameters.Tensors"/>.</param>
    /// <param name="prefix">A prefix such as "encoder"; "" for none.</param>
    public static IReadOnlyList<NamedTensor> FromViews(IEnumerable<ParameterView> views, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(views);
        ArgumentNullException.ThrowIfNull(prefix);
        return views.Select(v => new NamedTensor(Join(prefix, v.Name), v.Shape, v.Values)).ToArray();
    }

    /// <summary>"prefix.name", or "name" for an empty prefix.</summary>
    public static string Join(string prefix, string name) => prefix.Length == 0 ? name : $"{prefix}.{name}";

    /// <summary>The number of values the shape holds, or -1 when it overflows.</summary>
    internal static long Count(IReadOnlyList<long> shape)
    {
        long count = 1;
        foreach (long d in shape)
        {
            if (d != 0 && count > long.MaxValue / 8 / d)
            {
                return -1;
            }
            count *= d;
        }
        return count;
    }

    /// <summary>"[2, 3]".</summary>
    internal static string Format<T>(IEnumerable<T> shape) => $"[{string.Join(", ", shape)}]";
}
