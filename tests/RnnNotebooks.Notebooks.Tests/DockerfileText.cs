using System.Text.RegularExpressions;

namespace RnnNotebooks.Notebooks.Tests;

/// <summary>What can be read out of a Dockerfile without Docker: its instructions (continuation lines joined).</summary>
internal sealed partial class DockerfileText(string path)
{
    private readonly IReadOnlyList<string> instructions = Read(path);

    /// <summary>The arguments of every instruction named <paramref name="keyword"/> (FROM, RUN, COPY, ARG, ENV, USER ...).</summary>
    public IEnumerable<string> Arguments(string keyword) =>
        this.instructions.Where(i => i.StartsWith(keyword + " ", StringComparison.Ordinal)).Select(i => i[(keyword.Length + 1)..].Trim());

    /// <summary>The packages named after <c>apt-get install [options]</c> in RUN instructions.</summary>
    public IEnumerable<string> AptPackages() =>
        Arguments("RUN").SelectMany(run => AptInstall().Matches(run))
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Where(word => !word.StartsWith('-'));

    private static List<string> Read(string path)
    {
        var joined = Regex.Replace(File.ReadAllText(path), @"\\\r?\n", " ");
        return joined.Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0 && !line.StartsWith('#')).ToList();
    }

    [GeneratedRegex(@"apt-get install ((?:[\w.+-]+ *)+)")]
    private static partial Regex AptInstall();
}
