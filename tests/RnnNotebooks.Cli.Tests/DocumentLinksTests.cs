using System.Text.RegularExpressions;

namespace RnnNotebooks.Cli.Tests;

/// <summary>
/// Links that work wherever the repository lives: every relative link and image of README.md, docs/*.md and rnnbook's
/// README reaches a file or folder of the repository, and every <c>#anchor</c> a heading of the page it points to (as
/// GitHub makes anchors); and no <c>OWNER</c> placeholder is left in what readers see (the documents, the notebooks,
/// the book's sources, rnnbook, the workflows, the container set-up).
/// </summary>
public sealed partial class DocumentLinksTests
{
    private static string Root => Repository.Layout.Root;

    /// <summary>The documents whose links are checked, relative to the repository root.</summary>
    private static IEnumerable<string> DocumentPaths() =>
        new[] { "README.md", Path.Combine("lib", "RnnNotebooks.Cli", "README.md") }
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(page => Path.GetRelativePath(Root, page)));

    /// <summary>One test case per document.</summary>
    public static TheoryData<string> Documents() => new(DocumentPaths());

    [Theory]
    [MemberData(nameof(Documents))]
    public void Every_relative_link_and_anchor_resolves(string document)
    {
        var file = MarkdownFile.Read(Path.Combine(Root, document));

        var broken = file.Links.Where(link => !IsExternal(link.Target))
            .Select(link => (link.Line, link.Target, Problem: Problem(file, link.Target)))
            .Where(link => link.Problem is not null)
            .Select(link => $"{document}:{link.Line}: ({link.Target}) {link.Problem}")
            .ToList();

        Assert.True(broken.Count == 0, $"{broken.Count} broken link(s):\n{string.Join("\n", broken)}");
    }

    [Fact]
    public void The_documents_link_every_page_of_docs()
    {
        var linked = DocumentPaths().Select(document => MarkdownFile.Read(Path.Combine(Root, document)))
            .SelectMany(file => file.Links.Where(link => !IsExternal(link.Target)).Select(link => Target(file, link.Target).Path))
            .ToHashSet(StringComparer.Ordinal);

        var unlinked = Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md").Where(page => !linked.Contains(Path.GetFullPath(page))).ToList();

        Assert.True(unlinked.Count == 0, $"no document links {string.Join(", ", unlinked)}");
    }

    [Fact]
    public void No_OWNER_placeholder_is_left_where_readers_see_it()
    {
        var files = ReaderFacingFiles().ToList();

        var found = files.SelectMany(path => File.ReadLines(path).Select((line, index) => (Path: path, Line: index + 1, Text: line)))
            .Where(line => Owner().IsMatch(line.Text))
            .Select(line => $"{Path.GetRelativePath(Root, line.Path)}:{line.Line}: {line.Text.Trim()}")
            .ToList();

        Assert.NotEmpty(files);
        Assert.True(found.Count == 0, $"a placeholder link opens nothing; take the repository from GITHUB_REPOSITORY, or link relatively:\n{string.Join("\n", found)}");
    }

    [Theory]
    [InlineData("Same seed, same bits", "same-seed-same-bits")]
    [InlineData("Notebook 05: many-to-many with Tx ≠ Ty (dates, translation, attention, beam search, BLEU)",
        "notebook-05-many-to-many-with-tx--ty-dates-translation-attention-beam-search-bleu")]
    [InlineData("`rnnbook export`: life after .NET Interactive", "rnnbook-export-life-after-net-interactive")]
    [InlineData("What the tests show (measured on this machine: Debian 12, 2 cores, .NET SDK 10.0.401)",
        "what-the-tests-show-measured-on-this-machine-debian-12-2-cores-net-sdk-100401")]
    public void Anchors_are_made_as_GitHub_makes_them(string heading, string anchor)
    {
        var file = Path.Combine(TestNotebook.NewFolder(), "page.md");
        File.WriteAllText(file, $"# Page\n\n## {heading}\n\n## {heading}\n");

        var anchors = MarkdownFile.Read(file).Anchors;

        Assert.Equal(new[] { "page", anchor, anchor + "-1" }.Order(StringComparer.Ordinal), anchors.Order(StringComparer.Ordinal));
    }

    /// <summary>Why <paramref name="target"/>, written in <paramref name="file"/>, leads nowhere; null when it resolves.</summary>
    private static string? Problem(MarkdownFile file, string target)
    {
        var (path, anchor) = Target(file, target);
        if (!path.StartsWith(Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && path != Root)
        {
            return "leads out of the repository";
        }
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            return $"{Path.GetRelativePath(Root, path)} does not exist";
        }
        if (anchor.Length == 0 || !path.EndsWith(".md", StringComparison.Ordinal))
        {
            return null;
        }
        var anchors = path == file.Path ? file.Anchors : MarkdownFile.Read(path).Anchors;
        return anchors.Contains(anchor) ? null : $"{Path.GetRelativePath(Root, path)} has no heading #{anchor}";
    }

    /// <summary>The full path and the anchor a relative link leads to; an anchor alone stays on the page.</summary>
    private static (string Path, string Anchor) Target(MarkdownFile file, string target)
    {
        var hash = target.IndexOf('#');
        var (path, anchor) = hash < 0 ? (target, "") : (target[..hash], target[(hash + 1)..]);
        var full = path.Length == 0 ? file.Path : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file.Path)!, Uri.UnescapeDataString(path)));
        return (full.TrimEnd(Path.DirectorySeparatorChar), Uri.UnescapeDataString(anchor));
    }

    private static bool IsExternal(string target) => Scheme().IsMatch(target) || target.StartsWith("//", StringComparison.Ordinal);

    /// <summary>
    /// What readers see or what writes it: every Markdown file outside build output, the notebooks and their exported apps,
    /// the book's and rnnbook's sources, the workflows and the container set-up.
    /// </summary>
    private static IEnumerable<string> ReaderFacingFiles()
    {
        var skipped = new[] { "artifacts", "out", ".git" };
        var markdown = Directory.EnumerateFiles(Root, "*.md").Concat(Directory.EnumerateDirectories(Root)
            .Where(folder => !skipped.Contains(Path.GetFileName(folder)))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.md", SearchOption.AllDirectories)));
        var notebooks = Directory.EnumerateFiles(Path.Combine(Root, "notebooks"), "*.ipynb")
            .Concat(Directory.EnumerateFiles(Path.Combine(Root, "notebooks", "cs"), "*.cs"));
        var sources = new[] { Path.Combine("lib", "RnnNotebooks.Book"), Path.Combine("lib", "RnnNotebooks.Cli"), ".github", ".devcontainer", "binder" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(Root, folder), "*", SearchOption.AllDirectories))
            .Where(path => !path.EndsWith(".png", StringComparison.Ordinal));
        return markdown.Concat(notebooks).Concat(sources).Distinct();
    }

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:")]
    private static partial Regex Scheme();

    [GeneratedRegex(@"\bOWNER\b")]
    private static partial Regex Owner();
}
