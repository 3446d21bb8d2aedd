namespace RnnNotebooks;

/// <summary>Per-parameter buffers of an optimiser (velocity, squared-gradient sums, moments), made on first use.</summary>
internal sealed class OptimizerState
{
    private readonly List<double[]> buffers = [];

    /// <summary>The buffer for parameter <paramref name="index"/>, zero-initialised, of <paramref name="length"/> values.</summary>
    public double[] For(int index, int length)
    {
        while (buffers.Count <= index)
        {
            buffers.Add([]);
        }
        if (buffers[index].Length != length)
        {
            buffers[index] = new double[length];
        }
        return buffers[index];
    }

    /// <summary>Throws unless the two lists pair up: same count, same lengths.</summary>
    public static void CheckPairs(IReadOnlyList<ParameterView> parameters, IReadOnlyList<ParameterView> gradients)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(gradients);
        if (parameters.Count != gradients.Count)
        {
            throw new ArgumentException($"{parameters.Count} parameters but {gradients.Count} gradients.", nameof(gradients));
        }
        for (int i = 0; i < parameters.Count; i++)
        {
            if (parameters[i].Values.Length != gradients[i].Values.Length)
            {
                throw new ArgumentException(
                    $"{gradients[i].Name} has {gradients[i].Values.Length} values; {parameters[i].Name} has {parameters[i].Values.Length}.", nameof(gradients));
            }
        }
    }
}
