namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// Reading <c>rnnbook repro</c>'s tables: the one README.md states, and which runs two tables disagree on, for messages
/// that say which model differs.
/// </summary>
internal static class ReproTables
{
    /// <summary>The section of README.md that holds the expected table.</summary>
    public const string Section = "## Same seed, same bits";

    /// <summary>
    /// The table in README.md's <see cref="Section"/>: the lines of its fenced <c>text</c> block (the command's output),
    /// each ending in '\n' as the command writes them.
    /// </summary>
    /// <exception cref="InvalidDataException">The section or its ```text block is missing or not closed.</exception>
    public static string FromReadme(string readme)
    {
        var lines = readme.Replace("\r\n", "\n").Split('\n');
        int section = Array.IndexOf(lines, Section);
        if (section < 0)
        {
            throw new InvalidDataException($"README.md has no line '{Section}': the section with rnnbook repro's output is missing.");
        }
        int open = Array.FindIndex(lines, section + 1, line => line == "```text" || line.StartsWith("## ", StringComparison.Ordinal));
        int close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, line => line == "```");
        if (open < 0 || lines[open] != "```text" || close < 0)
        {
            throw new InvalidDataException($"README.md's '{Section}' has no closed ```text block holding rnnbook repro's output.");
        }
        return string.Concat(lines[(open + 1)..close].Select(line => line + "\n"));
    }

    /// <summary>
    /// What differs between two tables, one entry per run and part ("rnn-m8: trained SHA-256", "names: sample 'a' became
    /// 'b'"), and lines only one of them has; empty when they are equal.
    /// </summary>
    public static IReadOnlyList<string> Differences(string expected, string actual)
    {
        var (wanted, got) = (Parts(expected), Parts(actual));
        var differences = new List<string>();
        foreach (var key in wanted.Keys.Union(got.Keys))
        {
            if (!wanted.TryGetValue(key, out var a) || !got.TryGetValue(key, out var b))
            {
                differences.Add($"{key}: {(wanted.ContainsKey(key) ? "missing" : "not expected")}");
            }
            else if (a != b)
            {
                differences.Add(key.EndsWith("SHA-256", StringComparison.Ordinal) ? key : $"{key} '{a}' became '{b}'");
            }
        }
        return differences;
    }

    /// <summary>Each table line by what it states: "RUN: initial SHA-256", "RUN: trained SHA-256", "RUN: m and steps", "RUN: sample", or the line itself.</summary>
    private static Dictionary<string, string> Parts(string table)
    {
        var parts = new Dictionary<string, string>(StringComparer.Ordinal);
        bool samples = false;
        foreach (var line in table.Split('\n').Where(line => line.Length > 0))
        {
            samples |= line == "samples";
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!samples && fields is [var run, var m, var steps, var initial, var trained] && trained.Length == 64)
            {
                parts[$"{run}: m and steps"] = $"{m} {steps}";
                parts[$"{run}: initial SHA-256"] = initial;
                parts[$"{run}: trained SHA-256"] = trained;
            }
            else if (samples && fields.Length > 1)
            {
                parts[$"{fields[0]}: sample"] = line[fields[0].Length..].Trim();
            }
            else
            {
                parts[line] = line;
            }
        }
        return parts;
    }
}
