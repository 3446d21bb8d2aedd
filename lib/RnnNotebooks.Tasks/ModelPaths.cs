namespace RnnNotebooks.Tasks;

/// <summary>The two files of a saved model: <c>&lt;name&gt;.safetensors</c> (weights) and <c>&lt;name&gt;.json</c> (the rest).</summary>
internal static class ModelPaths
{
    /// <summary>The weights file and the description file of a model path given with or without either extension.</summary>
    /// <param name="path">"dir/name", "dir/name.safetensors" or "dir/name.json".</param>
    public static (string Weights, string Config) Of(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string stem = path.EndsWith(".safetensors", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)
            ? Path.ChangeExtension(path, null)
            : path;
        return (stem + ".safetensors", stem + ".json");
    }
}
