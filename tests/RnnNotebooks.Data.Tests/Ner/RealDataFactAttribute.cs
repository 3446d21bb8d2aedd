using RnnNotebooks.Data;

namespace RnnNotebooks.Data.Tests.Ner;

/// <summary>
/// A fact that needs a real dataset under RNNNOTEBOOKS_DATA: skipped with the reason when it is missing, except
/// under CI=true, where it runs and fails.
/// </summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public RealDataFactAttribute(string relativePath)
    {
        if (Environment.GetEnvironmentVariable("CI") != "true" && MissingReason(relativePath) is { } reason)
        {
            Skip = reason;
        }
    }

    private static string? MissingReason(string relativePath)
    {
        string? folder = Environment.GetEnvironmentVariable(DataFolder.EnvironmentVariable);
        if (string.IsNullOrEmpty(folder))
        {
            return $"{DataFolder.EnvironmentVariable} is not set (run with {DataFolder.EnvironmentVariable}=/path/to/data)";
        }
        string path = Path.Combine(folder, relativePath);
        return File.Exists(path) ? null : $"{path} does not exist";
    }
}
