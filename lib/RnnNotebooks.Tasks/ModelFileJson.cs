using System.Text.Json;
using System.Text.Json.Serialization;

namespace RnnNotebooks.Tasks;

/// <summary>The NAME.safetensors + NAME.json pair of a saved model: their paths, and the JSON description written and read.</summary>
internal static class ModelFileJson
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The weights file and the description file of a model path given with or without either extension.</summary>
    public static (string Weights, string Config) Paths(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string stem = path.EndsWith(".safetensors", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)
            ? Path.ChangeExtension(path, null)
            : path;
        return (stem + ".safetensors", stem + ".json");
    }

    /// <summary>Writes a description as indented UTF-8 JSON, making the folder when missing.</summary>
    public static void Write<T>(string path, T file)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, JsonSerializer.Serialize(file, Json));
    }

    /// <summary>Reads a description whose format must be <paramref name="formatName"/> (the message names the file).</summary>
    /// <param name="path">The .json file.</param>
    /// <param name="what">What it describes, for messages: "NER model".</param>
    /// <param name="formatName">The expected format.</param>
    /// <param name="formatOf">The format a read file states.</param>
    public static T Read<T>(string path, string what, string formatName, Func<T, string> formatOf) where T : class =>
        Read(path, what, [formatName], formatOf);

    /// <summary>Reads a description whose format is one of <paramref name="formatNames"/> (every version this library reads).</summary>
    /// <param name="path">The .json file.</param>
    /// <param name="what">What it describes, for messages: "NER model".</param>
    /// <param name="formatNames">The formats accepted, newest first.</param>
    /// <param name="formatOf">The format a read file states.</param>
    public static T Read<T>(string path, string what, IReadOnlyList<string> formatNames, Func<T, string> formatOf) where T : class
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such {what} description (a saved model has <name>.json beside <name>.safetensors).", path);
        }
        T? file;
        try
        {
            file = JsonSerializer.Deserialize<T>(File.ReadAllText(path), Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a {what} description: {e.Message}", e);
        }
        if (file is null || !formatNames.Contains(formatOf(file)))
        {
            throw new InvalidDataException($"{path}: format is '{(file is null ? null : formatOf(file))}'; expected '{string.Join("' or '", formatNames)}'.");
        }
        return file;
    }
}
