namespace RnnNotebooks;

/// <summary>
/// Saving and loading any <see cref="IParameterSet"/> as safetensors, under names "prefix.Name" (e.g. "encoder.Waa").
/// Values are stored bit for bit, so a model loads back to the same predictions.
/// </summary>
public static class ParameterFiles
{
    /// <summary>The parameters as named tensors (values not copied), to write several sets into one file with <see cref="SafeTensors.Write"/>.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="prefix">A name prefix such as "encoder"; "" for none.</param>
    public static IReadOnlyList<NamedTensor> ToNamedTensors(this IParameterSet parameters, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return NamedTensor.FromViews(parameters.Tensors, prefix);
    }

    /// <summary>Writes the parameters to a safetensors file, atomically.</summary>
    /// <param name="parameters">The parameters.</param>
    /// <param name="path">The file to write (its folder is made when missing).</param>
    /// <param name="prefix">A name prefix such as "encoder"; "" for none.</param>
    /// <param name="metadata">Optional strings stored under "__metadata__" (e.g. sizes and activations).</param>
    public static void Save(this IParameterSet parameters, string path, string prefix = "", IReadOnlyDictionary<string, string>? metadata = null) =>
        SafeTensors.Write(path, parameters.ToNamedTensors(prefix), metadata);

    /// <summary><paramref name="parameters"/>, made to the file's sizes, after <see cref="LoadFrom"/>: the end of every Load.</summary>
    internal static T Loaded<T>(T parameters, SafeTensorsFile file, string prefix) where T : IParameterSet
    {
        parameters.LoadFrom(file, prefix);
        return parameters;
    }

    /// <summary>Overwrites every parameter with the tensor "prefix.Name" of <paramref name="file"/>, whose shape must match.</summary>
    /// <param name="parameters">The parameters to overwrite.</param>
    /// <param name="file">A file read by <see cref="SafeTensors.Read"/>.</param>
    /// <param name="prefix">The prefix the parameters were saved under.</param>
    /// <exception cref="InvalidDataException">A tensor is missing or has another shape (the message names the file and tensor).</exception>
    public static void LoadFrom(this IParameterSet parameters, SafeTensorsFile file, string prefix = "")
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(file);
        foreach (var view in parameters.Tensors)
        {
            var tensor = file.Get(NamedTensor.Join(prefix, view.Name));
            if (!tensor.Shape.SequenceEqual(view.Shape))
            {
                throw file.Error(tensor.Name, $"has shape {NamedTensor.Format(tensor.Shape)}; this model's {view.Name} needs {NamedTensor.Format(view.Shape)}.");
            }
            tensor.Values.AsSpan().CopyTo(view.Values);
        }
    }
}
