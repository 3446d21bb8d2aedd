namespace RnnNotebooks;

/// <summary>The tensors and metadata of a safetensors file, as <see cref="SafeTensors.Read"/> found them.</summary>
public sealed class SafeTensorsFile
{
    private readonly Dictionary<string, NamedTensor> byName;

    internal SafeTensorsFile(string path, IReadOnlyList<NamedTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Tensors = tensors;
        Metadata = metadata;
        byName = tensors.ToDictionary(t => t.Name);
    }

    /// <summary>The file read (for messages).</summary>
    public string Path { get; }

    /// <summary>The tensors, in the order of their data in the file.</summary>
    public IReadOnlyList<NamedTensor> Tensors { get; }

    /// <summary>The "__metadata__" strings; empty when the file has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    /// <summary>True when the file holds a tensor of this name.</summary>
    public bool Contains(string name) => byName.ContainsKey(name);

    /// <summary>The tensor of this name.</summary>
    /// <exception cref="InvalidDataException">The file has no such tensor (the message lists a few it has).</exception>
    public NamedTensor Get(string name) =>
        byName.TryGetValue(name, out var tensor)
            ? tensor
            : throw Error(name, $"is missing; the file holds {string.Join(", ", byName.Keys.Take(12).Select(k => $"'{k}'"))}{(byName.Count > 12 ? ", ..." : "")}.");

    /// <summary>The shape of the tensor <paramref name="name"/>, which must be a matrix: how a loader finds a model's sizes.</summary>
    /// <exception cref="InvalidDataException">The tensor is missing or does not have 2 dimensions.</exception>
    public (int Rows, int Cols) MatrixShape(string name)
    {
        var tensor = Get(name);
        if (tensor.Shape.Length != 2)
        {
            throw Error(name, $"has shape {NamedTensor.Format(tensor.Shape)}; expected a matrix (2 dimensions).");
        }
        return (tensor.Shape[0], tensor.Shape[1]);
    }

    internal InvalidDataException Error(string tensor, string detail) => new($"{Path}: tensor '{tensor}' {detail}");
}
